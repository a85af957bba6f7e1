package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * One hub per data directory: two processes appending to the same journals would interleave their batches and break
 * every seq chain. The hub takes {@code <data>/hub.lock} before it opens anything and writes its pid there, so that the
 * second one can say who holds it; the lock goes with the process (a killed hub leaves no stale lock).
 */
public final class DataDirectoryLock implements AutoCloseable {
    public static final String FILE = "hub.lock";

    private final LockedFile file;

    private DataDirectoryLock(LockedFile file) {
        this.file = file;
    }

    /** Thrown when another hub uses the directory; the message names its pid. */
    public static final class InUse extends IOException {
        InUse(String message) {
            super(message);
        }
    }

    public static DataDirectoryLock acquire(Path dataDir) throws IOException {
        PrivateFiles.create(dataDir);
        Path path = dataDir.resolve(FILE);
        LockedFile locked;
        try {
            locked = LockedFile.open(
                    path,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    JournalChannels.DEFAULT);
        } catch (LockedFile.InUse e) {
            if (e.inThisProcess) {
                throw new InUse("the data directory " + dataDir + " is already used by a hub in this process (pid "
                        + ProcessHandle.current().pid() + ")");
            }
            String holder;
            try (FileChannel channel = e.channel) {
                holder = readPid(channel);
            }
            throw new InUse("the data directory " + dataDir + " is used by another hub (pid " + holder + ", see " + path
                    + "): stop it first, or give this one another --data directory");
        }
        try {
            PrivateFiles.restrict(path);
            FileChannel channel = locked.channel();
            channel.truncate(0);
            ByteBuffer pid =
                    ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));
            while (pid.hasRemaining()) channel.write(pid, pid.position());
            channel.force(true);
            return new DataDirectoryLock(locked);
        } catch (IOException | RuntimeException e) {
            locked.close();
            throw e;
        }
    }

    private static String readPid(FileChannel channel) {
        try {
            ByteBuffer bytes = ByteBuffer.allocate(32);
            channel.read(bytes, 0);
            String pid = new String(bytes.array(), 0, bytes.position(), StandardCharsets.US_ASCII).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
