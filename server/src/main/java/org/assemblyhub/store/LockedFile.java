package org.assemblyhub.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file opened with an exclusive lock that stops another process from opening it the same way. Inside one JVM the
 * locks are kept in a set and checked before any channel is opened: on Linux, closing <em>any</em> channel on a file
 * drops every lock this process holds on it, so even a failed second attempt that opened and closed a channel would
 * silently release the first holder's lock.
 */
final class LockedFile implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private LockedFile(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when the file is locked already: by another process, or by this one ({@link #inThisProcess}). */
    static final class InUse extends IOException {
        final boolean inThisProcess;
        final FileChannel channel;

        InUse(Path path, boolean inThisProcess, FileChannel channel) {
            super(path + " is locked by " + (inThisProcess ? "this process" : "another process"));
            this.inThisProcess = inThisProcess;
            this.channel = channel;
        }
    }

    /**
     * Opens and locks {@code path}. When another process holds the lock, {@link InUse#channel} is the still open
     * channel (to read what the holder wrote there); the caller closes it.
     */
    static LockedFile open(Path path, Set<? extends OpenOption> options, JournalChannels channels) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        if (!HELD.add(key)) throw new InUse(path, true, null);
        FileChannel channel = null;
        try {
            channel = channels.open(path, options);
            FileLock lock = channel.tryLock();
            if (lock == null) throw new InUse(path, false, channel);
            return new LockedFile(key, channel, lock);
        } catch (OverlappingFileLockException e) {
            // Locked in this process through a channel this class did not open. The channel is left open on purpose:
            // closing it would release that other holder's lock.
            HELD.remove(key);
            throw new InUse(path, true, null);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (channel != null && !(e instanceof InUse)) channel.close();
            throw e;
        }
    }

    FileChannel channel() {
        return channel;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }
}
