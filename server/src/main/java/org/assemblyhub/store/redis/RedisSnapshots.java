package org.assemblyhub.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.store.SnapshotFormat;
import org.assemblyhub.store.Snapshots;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Snapshots kept in Redis beside the journal, so that the node that takes an assembly over starts from one too. Each
 * is one string with the bytes of a snapshot file ({@link SnapshotFormat}), written in chunks to a temporary key that
 * expires (what a crash leaves behind goes away) and renamed into place by a script that also keeps only the newest
 * two; read back in chunks ({@code GETRANGE}), so a payload is never held whole in memory. Blocking: workers only.
 */
public final class RedisSnapshots implements Snapshots {
    private static final int CHUNK = 1 << 20;
    private static final int KEPT = 2;
    private static final long LEFTOVER_MS = 3_600_000;

    private final RedisCalls calls;
    private final String hubVersion;
    private final long everyEvents;
    private final long everyBytes;

    /** Uses the store's connections to Redis. */
    public RedisSnapshots(RedisEventStore store, String hubVersion, long everyEvents, long everyBytes) {
        this.calls = store.calls();
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

    @Override
    public List<String> candidates(String assemblyId) throws IOException {
        List<String> names = new ArrayList<>();
        for (Response name : call(Request.cmd(Command.ZREVRANGE, RedisKeys.snapshots(assemblyId), 0, -1))) {
            names.add(name.toString());
        }
        return names;
    }

    @Override
    public void deleteAll(String assemblyId) throws IOException {
        Request del = Request.cmd(Command.DEL).arg(RedisKeys.snapshots(assemblyId));
        for (String name : candidates(assemblyId)) del.arg(RedisKeys.snapshot(assemblyId, name));
        call(del);
    }

    @Override
    public long newestSize(String assemblyId) throws IOException {
        List<String> all = candidates(assemblyId);
        return all.isEmpty() ? 0 : size(RedisKeys.snapshot(assemblyId, all.get(0)));
    }

    @Override
    public Snapshot read(String assemblyId, String name) throws IOException {
        String key = RedisKeys.snapshot(assemblyId, name);
        long size = size(key);
        if (size == 0) throw new Unusable("it is gone");
        return SnapshotFormat.check(
                new BufferedInputStream(new Chunks(key, 0, size), CHUNK), size, hubVersion, assemblyId, name);
    }

    @Override
    public InputStream payload(Snapshot snapshot, long from) throws IOException {
        String key = RedisKeys.snapshot(snapshot.assemblyId(), snapshot.name());
        return new BufferedInputStream(new Chunks(key, snapshot.payloadOffset() + from, snapshot.size()), CHUNK);
    }

    @Override
    public Snapshot write(String assemblyId, long seq, int anchor, PayloadWriter payload) throws IOException {
        String name = String.format("%020d", seq);
        String key = RedisKeys.snapshot(AssemblyIds.require(assemblyId), name);
        String temp = key + ":writing:" + UUID.randomUUID();
        int headerSize = SnapshotFormat.headerSize(hubVersion);
        call(Request.cmd(Command.SET)
                .arg(temp)
                .arg(Buffer.buffer(new byte[headerSize]))
                .arg("PX")
                .arg(LEFTOVER_MS));
        try {
            Appending sink = new Appending(temp);
            SnapshotFormat.Counted out = new SnapshotFormat.Counted(sink);
            payload.write(out);
            out.flush();
            sink.send();
            byte[] header = SnapshotFormat.header(hubVersion, seq, anchor, out.length(), out.crc());
            call(Request.cmd(Command.SETRANGE).arg(temp).arg(0).arg(Buffer.buffer(header)));
            await(SnapshotScripts.KEEP.run(
                    calls,
                    List.of(temp, key, RedisKeys.snapshots(assemblyId)),
                    List.of(
                            Buffer.buffer(Long.toString(seq)),
                            Buffer.buffer(name),
                            Buffer.buffer(Integer.toString(KEPT)),
                            Buffer.buffer(RedisKeys.snapshotPrefix(assemblyId)))));
            return new Snapshot(assemblyId, name, seq, anchor, headerSize, out.length());
        } catch (IOException | RuntimeException | Error e) {
            try {
                call(Request.cmd(Command.DEL, temp));
            } catch (IOException ignored) {
                // It expires by itself.
            }
            throw e;
        }
    }

    private long size(String key) throws IOException {
        Response size = call(Request.cmd(Command.STRLEN, key));
        return size == null ? 0 : size.toLong();
    }

    private Response call(Request request) throws IOException {
        return await(calls.send(request));
    }

    private static Response await(Future<Response> future) throws IOException {
        if (Context.isOnEventLoopThread()) throw new IllegalStateException("snapshots block: call them on a worker");
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw new IOException("Redis: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for Redis");
        }
    }

    /** Reads a key's bytes from {@code position} up to {@code end}, a chunk per round trip. */
    private final class Chunks extends InputStream {
        private final String key;
        private final long end;
        private long position;
        private byte[] chunk = new byte[0];
        private int at;

        Chunks(String key, long position, long end) {
            this.key = key;
            this.position = position;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (at == chunk.length) {
                if (position >= end) return -1;
                long last = Math.min(end, position + CHUNK) - 1;
                Response got = call(Request.cmd(Command.GETRANGE, key, position, last));
                chunk = got == null ? new byte[0] : got.toBytes();
                at = 0;
                if (chunk.length == 0) return -1; // gone meanwhile: reads as cut short
                position += chunk.length;
            }
            int n = Math.min(len, chunk.length - at);
            System.arraycopy(chunk, at, b, off, n);
            at += n;
            return n;
        }
    }

    /** Appends what is written to a key, a chunk per round trip. */
    private final class Appending extends OutputStream {
        private final String key;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream(CHUNK);

        Appending(String key) {
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            pending.write(b);
            if (pending.size() >= CHUNK) send();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            pending.write(b, off, len);
            if (pending.size() >= CHUNK) send();
        }

        void send() throws IOException {
            if (pending.size() == 0) return;
            call(Request.cmd(Command.APPEND).arg(key).arg(pending.toByteArray()));
            pending.reset();
        }
    }
}
