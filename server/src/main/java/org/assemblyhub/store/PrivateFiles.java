package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold personal data or secrets (journals, their copies, snapshots, the lock, the bootstrap hash): readable
 * by the hub's user only — directories 0700, files 0600, skipped where the file system has no POSIX permissions — and
 * made durable with their directory entry, so that a file acknowledged as written is still there after a power cut.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates the directory (and missing parents) if needed, durably, and makes it private. */
    public static Path directory(Path dir) throws IOException {
        create(dir.toAbsolutePath());
        restrict(dir, DIRECTORY);
        return dir;
    }

    /**
     * Creates the directory if needed: what it creates is private and durable; an existing one is left as the
     * operator made it (the data directory itself, say).
     */
    public static Path create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return dir;
        Path parent = absolute.getParent();
        if (parent != null) create(parent);
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(absolute)) return dir; // made meanwhile by another thread
            throw e;
        }
        restrict(absolute, DIRECTORY);
        if (parent != null) fsyncDirectory(parent);
        return dir;
    }

    /** Makes an existing file readable and writable by its owner only. */
    public static void restrict(Path file) throws IOException {
        restrict(file, FILE);
    }

    /**
     * Makes a directory's entries durable (a new file, a rename). Linux needs it; where a directory cannot be opened
     * for this (not POSIX), there is nothing to do.
     */
    public static void fsyncDirectory(Path dir) throws IOException {
        if (!POSIX) return;
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Replaces {@code file} with {@code bytes} so that a crash leaves the old or the new content, never a mix: a
     * private temporary file next to it, fsync'd, renamed over it, then the directory fsync'd.
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            restrict(temp);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) out.write(buffer);
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        fsyncDirectory(dir);
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (!POSIX) return;
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // a mounted file system without POSIX permissions: nothing to restrict
        }
    }
}
