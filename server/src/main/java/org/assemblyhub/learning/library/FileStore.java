package org.assemblyhub.learning.library;

import org.assemblyhub.store.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Uploaded files, content-addressed: {@code <dataDir>/files/<assemblyId>/<sha256>} (or under {@link #at} a shared
 * folder). Nothing an uploader chose ever
 * becomes part of a path: the assembly id is checked against the hub's own alphabet and a file is named by the
 * lower-case hex of its SHA-256 alone, so a lookup with anything else is refused before the disk is touched.
 *
 * <p>A file is written to a temporary file in its final folder (hashed while written), checked there, then fsync'd and
 * renamed to its hash in one atomic step ({@link Upload#commit()}): a reader sees a whole file or none, and a crash
 * leaves at most a temporary file, which no lookup can name.
 */
public final class FileStore {
    /** As {@code store.AssemblyIds}: ids are made by the hub, lower-case letters, digits and dashes. */
    private static final Pattern ASSEMBLY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** No upload takes this long: a temporary file this old was left by a crash and is removed. */
    static final Duration STALE = Duration.ofDays(1);

    private final Path root;
    private final Clock clock;

    public FileStore(Path dataDir) {
        this(dataDir, Clock.systemUTC());
    }

    public FileStore(Path dataDir, Clock clock) {
        this(clock, dataDir.toAbsolutePath().normalize().resolve("files"));
    }

    /**
     * Files kept under {@code root} itself rather than in the data directory: a folder every node of a cluster
     * mounts (config {@code learning.filesDir}), so a file uploaded through one node is served by all. Writes are
     * safe there: each lands under its hash by an atomic rename in its own folder.
     */
    public static FileStore at(Path root) {
        return new FileStore(Clock.systemUTC(), root.toAbsolutePath().normalize());
    }

    private FileStore(Clock clock, Path root) {
        this.root = root;
        this.clock = clock;
    }

    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    public static boolean isAssemblyId(String text) {
        return text != null && ASSEMBLY_ID.matcher(text).matches();
    }

    /** The folder of an assembly's files; an id outside the hub's alphabet is refused. */
    public Path folder(String assemblyId) {
        if (!isAssemblyId(assemblyId)) throw new IllegalArgumentException("not an assembly id");
        return root.resolve(assemblyId);
    }

    /** Starts an upload of at most {@code limit} bytes: a temporary file in the assembly's folder. */
    public Upload begin(String assemblyId, FileKind kind, long limit) throws IOException {
        Path folder = folder(assemblyId);
        PrivateFiles.create(folder); // 0700 where it is made, like the journal's, and its entry durable
        sweep(folder);
        return new Upload(folder, Files.createTempFile(folder, ".upload-", ".part"), kind, limit);
    }

    /** Removes the temporary files of uploads a crash interrupted (those older than {@link #STALE}). */
    private void sweep(Path folder) {
        Instant before = clock.instant().minus(STALE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".upload-*.part")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toInstant().isBefore(before)) Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // a leftover costs disk space only; the next upload tries again
        }
    }

    /**
     * Where the file with this hash would be, without touching the disk; empty for anything that is not an assembly
     * id and a hash.
     */
    public Optional<Path> locate(String assemblyId, String hash) {
        if (!isAssemblyId(assemblyId) || !isHash(hash)) return Optional.empty();
        return Optional.of(folder(assemblyId).resolve(hash));
    }

    /** The stored file with this hash, if there is one (a regular file, never a link). */
    public Optional<Path> find(String assemblyId, String hash) {
        return locate(assemblyId, hash).filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS));
    }

    /** Removes a stored file (an upload the engine refused); false if there was none. */
    public boolean delete(String assemblyId, String hash) throws IOException {
        Optional<Path> path = locate(assemblyId, hash);
        return path.isPresent() && Files.deleteIfExists(path.get());
    }

    /** Stores a whole stream, unchecked: what the HTTP upload does chunk by chunk, in one call (tools and tests). */
    public SavedFile store(String assemblyId, FileKind kind, long limit, InputStream in)
            throws IOException, FileRefused {
        try (Upload upload = begin(assemblyId, kind, limit)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) upload.write(buffer, 0, n);
            return upload.commit();
        }
    }
}
