package org.assemblyhub.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshots of assemblies under {@code <data>/snapshots/<id>/<seq>.snapshot} ({@link SnapshotFormat}), the two newest
 * kept, readable by the hub's user only. Payloads are streamed in and out, never held whole in memory, so that a large
 * model can be snapshotted in a small heap.
 */
public final class SnapshotFiles implements Snapshots {
    public static final String DIR = "snapshots";
    private static final String SUFFIX = ".snapshot";
    private static final int KEPT = 2;

    private final Path dir;
    private final String hubVersion;
    private final long everyEvents;
    private final long everyBytes;

    /** {@code everyEvents}/{@code everyBytes}: how much journal may grow past the newest snapshot before the next. */
    public SnapshotFiles(Path dataDir, String hubVersion, long everyEvents, long everyBytes) {
        this.dir = dataDir.resolve(DIR);
        this.hubVersion = hubVersion;
        this.everyEvents = everyEvents;
        this.everyBytes = everyBytes;
    }

    @Override
    public long everyEvents() {
        return everyEvents;
    }

    @Override
    public long everyBytes() {
        return everyBytes;
    }

    /** The file of snapshot {@code name} of this assembly. */
    public Path file(String assemblyId, String name) {
        if (!name.endsWith(SUFFIX) || name.contains("/")) throw new IllegalArgumentException("not a snapshot: " + name);
        return dir.resolve(AssemblyIds.require(assemblyId)).resolve(name);
    }

    @Override
    public List<String> candidates(String assemblyId) throws IOException {
        Path folder = dir.resolve(AssemblyIds.require(assemblyId));
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }
    }

    @Override
    public void deleteAll(String assemblyId) throws IOException {
        Path folder = dir.resolve(AssemblyIds.require(assemblyId));
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) Files.deleteIfExists(file);
        }
        PrivateFiles.fsyncDirectory(folder);
    }

    @Override
    public long newestSize(String assemblyId) throws IOException {
        List<String> all = candidates(assemblyId);
        return all.isEmpty() ? 0 : Files.size(file(assemblyId, all.get(0)));
    }

    @Override
    public Snapshot read(String assemblyId, String name) throws IOException {
        Path file = file(assemblyId, name);
        return SnapshotFormat.check(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                Files.size(file),
                hubVersion,
                assemblyId,
                name);
    }

    @Override
    public InputStream payload(Snapshot snapshot, long from) throws IOException {
        FileChannel channel = FileChannel.open(file(snapshot.assemblyId(), snapshot.name()), StandardOpenOption.READ);
        channel.position(snapshot.payloadOffset() + from);
        return new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    /**
     * Writes atomically — a private temporary file, fsync'd, renamed, the directory fsync'd. The payload streams to
     * the file; its length and checksum go into the header at the end.
     */
    @Override
    public Snapshot write(String assemblyId, long seq, int anchor, PayloadWriter payload) throws IOException {
        Path folder = PrivateFiles.directory(PrivateFiles.directory(dir).resolve(AssemblyIds.require(assemblyId)));
        String name = String.format("%020d", seq) + SUFFIX;
        Path file = folder.resolve(name);
        removeLeftovers(folder);
        Path temp = Files.createTempFile(folder, name, ".tmp");
        int headerSize = SnapshotFormat.headerSize(hubVersion);
        long length;
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            PrivateFiles.restrict(temp);
            channel.position(headerSize);
            SnapshotFormat.Counted out =
                    new SnapshotFormat.Counted(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
            payload.write(out);
            out.flush();
            length = out.length();
            ByteBuffer head = ByteBuffer.wrap(SnapshotFormat.header(hubVersion, seq, anchor, length, out.crc()));
            while (head.hasRemaining()) channel.write(head, head.position());
            channel.force(true);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        PrivateFiles.fsyncDirectory(folder);
        // Newer than what was just written means written from another journal (this one was replaced by a shorter
        // one, a restore): it would stay "newest" for ever and push the good ones out.
        List<String> all = new ArrayList<>(candidates(assemblyId));
        all.removeIf(other -> {
            if (other.compareTo(name) <= 0) return false;
            try {
                Files.deleteIfExists(folder.resolve(other));
            } catch (IOException e) {
                return false;
            }
            return true;
        });
        for (String old : all.subList(Math.min(KEPT, all.size()), all.size()))
            Files.deleteIfExists(folder.resolve(old));
        return new Snapshot(assemblyId, name, seq, anchor, headerSize, length);
    }

    /** Temporary files of writes that a crash interrupted (an hour old: none is still being written). */
    private static void removeLeftovers(Path folder) throws IOException {
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < hourAgo) Files.deleteIfExists(p);
            }
        }
    }
}
