package org.assemblyhub.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Positional reads through a window of the file, so that scanning a journal — and searching it byte by byte past a
 * damaged record — costs a system call per window, not per field. Reads never move the channel's position.
 */
final class ChannelReader {
    private static final int WINDOW = 1 << 20;

    private final FileChannel channel;
    private final long limit;
    private final ByteBuffer window;
    private long start = -1;

    /** Reads bytes before {@code limit} only (the size of the file when the scan started). */
    ChannelReader(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
        this.window = ByteBuffer.allocate((int) Math.max(16, Math.min(WINDOW, limit)));
    }

    long limit() {
        return limit;
    }

    int getInt(long pos) throws IOException {
        return view(pos, 4).getInt((int) (pos - start));
    }

    long getLong(long pos) throws IOException {
        return view(pos, 8).getLong((int) (pos - start));
    }

    /** The CRC32C of {@code length} bytes at {@code pos}. */
    int crc(long pos, int length) throws IOException {
        CRC32C crc = new CRC32C();
        long at = pos;
        int left = length;
        while (left > 0) {
            int n = Math.min(left, window.capacity());
            ByteBuffer bytes = view(at, n).duplicate();
            int offset = (int) (at - start);
            bytes.limit(offset + n).position(offset);
            crc.update(bytes);
            at += n;
            left -= n;
        }
        return (int) crc.getValue();
    }

    /**
     * Whether every byte from {@code pos} to the limit is zero (what a file system shows of a write it never finished).
     */
    boolean zerosFrom(long pos) throws IOException {
        for (long at = pos; at < limit; ) {
            int n = (int) Math.min(limit - at, window.capacity());
            ByteBuffer bytes = view(at, n);
            int offset = (int) (at - start);
            for (int i = 0; i < n; i++) if (bytes.get(offset + i) != 0) return false;
            at += n;
        }
        return true;
    }

    /** Copies {@code length} bytes at {@code pos} (a record's data). */
    byte[] bytes(long pos, int length) throws IOException {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            int n = Math.min(length - done, window.capacity());
            ByteBuffer bytes = view(pos + done, n);
            bytes.get((int) (pos + done - start), out, done, n);
            done += n;
        }
        return out;
    }

    /** The window, moved if needed so that it holds {@code n} bytes from {@code pos}. */
    private ByteBuffer view(long pos, int n) throws IOException {
        if (pos < 0 || pos + n > limit) throw new EOFException("read past the end at " + pos);
        if (start >= 0 && pos >= start && pos + n <= start + window.limit()) return window;
        window.clear();
        window.limit((int) Math.min(window.capacity(), limit - pos));
        while (window.hasRemaining()) {
            int read = channel.read(window, pos + window.position());
            if (read < 0) throw new EOFException("the file ended at " + (pos + window.position()));
        }
        start = pos;
        return window;
    }
}
