package org.assemblyhub.learning.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file being received: bytes go to a temporary file in the final folder and through SHA-256 as they come. Past
 * the limit the temporary file is removed at once. {@link #commit()} makes it durable and names it by its hash;
 * closing without committing removes it. Used by one thread at a time (the HTTP route chains its writes).
 */
public final class Upload implements AutoCloseable {
    private final Path folder;
    private final Path temp;
    private final FileKind kind;
    private final long limit;
    private final FileChannel channel;
    private final MessageDigest sha256;
    private long bytes;
    private String hash;
    private boolean finished;

    Upload(Path folder, Path temp, FileKind kind, long limit) throws IOException {
        this.folder = folder;
        this.temp = temp;
        this.kind = kind;
        this.limit = limit;
        this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public void write(byte[] data, int offset, int length) throws IOException, FileRefused {
        write(ByteBuffer.wrap(data, offset, length));
    }

    public void write(ByteBuffer data) throws IOException, FileRefused {
        if (finished || hash != null) throw new IllegalStateException("upload already finished");
        if (bytes + data.remaining() > limit) {
            abort();
            throw FileRefused.tooLarge(kind, limit);
        }
        bytes += data.remaining();
        sha256.update(data.duplicate());
        while (data.hasRemaining()) channel.write(data);
    }

    /** The bytes received so far (to check the content before {@link #commit()}). */
    public Path content() {
        return temp;
    }

    public long bytes() {
        return bytes;
    }

    public FileKind kind() {
        return kind;
    }

    /** The lower-case hex SHA-256 of the bytes received; nothing more may be written once it is asked. */
    public String hash() {
        if (hash == null) hash = HexFormat.of().formatHex(sha256.digest());
        return hash;
    }

    /**
     * Forces the bytes to disk, then renames the temporary file to its hash in one atomic step (or removes it when
     * the same bytes are already stored), and forces the folder so the new name survives a crash too.
     */
    public SavedFile commit() throws IOException {
        if (finished) throw new IllegalStateException("upload already finished");
        finished = true;
        String hash = hash();
        Path target = folder.resolve(hash);
        try {
            channel.force(true);
            channel.close();
            if (Files.exists(target)) {
                Files.delete(temp);
                return new SavedFile(hash, target, bytes, true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder();
        return new SavedFile(hash, target, bytes, false);
    }

    /** Drops what was received; safe to call more than once. */
    public void abort() {
        finished = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a file we only wrote: nothing to save
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a temporary name no lookup can reach; the next upload's folder listing does not care
        }
    }

    @Override
    public void close() {
        if (!finished) abort();
    }

    private void forceFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException ignored) {
            // not every file system lets a folder be forced; the file itself is already durable
        }
    }
}
