package org.assemblyhub.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Journal channels that fail when a test says so: the next write fails, or writes half its bytes and then fails (a
 * short write, a full disk), the next fsync fails, the next truncate fails. Everything else goes to a real channel.
 */
public final class FaultyChannels implements JournalChannels {
    public final AtomicInteger failingWrites = new AtomicInteger();
    public final AtomicInteger shortWrites = new AtomicInteger();
    public final AtomicInteger fullDisks = new AtomicInteger();
    public final AtomicInteger failingForces = new AtomicInteger();
    public final AtomicInteger failingTruncates = new AtomicInteger();
    /**
     * The next write writes half its bytes, then the thread is interrupted, as Vert.x does to its workers when it
     * stops.
     */
    public final AtomicInteger interruptions = new AtomicInteger();

    @Override
    public FileChannel open(Path path, Set<? extends OpenOption> options) throws IOException {
        return new Channel(FileChannel.open(path, options));
    }

    private static boolean take(AtomicInteger armed) {
        return armed.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    private final class Channel extends FileChannel {
        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (take(failingWrites)) throw new IOException("Input/output error (injected)");
            if (take(shortWrites)) {
                writeHalf(src, position);
                throw new IOException("Input/output error after a short write (injected)");
            }
            if (take(fullDisks)) {
                writeHalf(src, position);
                throw new IOException("No space left on device");
            }
            if (take(interruptions)) {
                int half = writeHalf(src, position);
                src.position(src.position() + half);
                Thread.currentThread().interrupt();
                try {
                    return real.write(src, position + half);
                } catch (ClosedByInterruptException e) {
                    close(); // like the real channel, which NIO closed
                    throw e;
                }
            }
            return real.write(src, position);
        }

        private int writeHalf(ByteBuffer src, long position) throws IOException {
            ByteBuffer half = src.duplicate();
            half.limit(half.position() + Math.max(1, half.remaining() / 2));
            return real.write(half, position);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (take(failingForces)) throw new IOException("fsync failed: Input/output error (injected)");
            real.force(metaData);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (take(failingTruncates)) throw new IOException("truncate failed: Input/output error (injected)");
            real.truncate(size);
            return this;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, real.position());
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("the journal writes one buffer at a position");
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            return real.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return real.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
