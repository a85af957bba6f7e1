package org.assemblyhub.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.store.EventStore;
import org.assemblyhub.store.JournalRecord;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The journal in Redis, shared by the nodes of a cluster: per assembly a stream of records (entry id
 * {@code <seq>-0}) and a head hash with the last seq and the owner epoch ({@link RedisKeys}). Every append is one Lua
 * script that checks the expected last seq and the writer's epoch and adds the whole batch, atomically on the Redis
 * side ({@link JournalScripts}). Durable once Redis answers only if Redis fsyncs every write ({@code appendonly yes},
 * {@code appendfsync always}): {@link RedisDurability} checks that at start.
 */
public final class RedisEventStore implements EventStore {
    /** Records fetched per replay page: a page is all that is held in memory at a time. */
    static final int PAGE = 256;

    private final Vertx vertx;
    private final RedisCalls calls;
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();

    /** Uses (and on {@link #close} closes) {@code redis}; a call taking longer than {@code timeoutMs} fails. */
    public RedisEventStore(Vertx vertx, Redis redis, long timeoutMs) {
        this.vertx = vertx;
        this.calls = new RedisCalls(redis, timeoutMs);
    }

    @Override
    public Future<Void> append(String assemblyId, long expectedLastSeq, List<JournalRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).seq() != expectedLastSeq + 1 + i)
                return Future.failedFuture(
                        new IllegalArgumentException("records of a batch must follow seq " + expectedLastSeq
                                + " without gaps, got " + records.get(i).seq() + " at " + i));
        }
        long epoch = epochs.getOrDefault(assemblyId, 0L);
        List<Buffer> args = new ArrayList<>(records.size() + 3);
        args.add(Buffer.buffer(AssemblyIds.require(assemblyId)));
        args.add(Buffer.buffer(Long.toString(expectedLastSeq)));
        args.add(Buffer.buffer(Long.toString(epoch)));
        for (JournalRecord record : records) args.add(Buffer.buffer(record.data()));
        List<String> keys = List.of(RedisKeys.head(assemblyId), RedisKeys.events(assemblyId), RedisKeys.ASSEMBLIES);
        return JournalScripts.APPEND
                .run(calls, keys, args)
                .recover(failure ->
                        Future.failedFuture(neverSent(failure) ? failure : new OutcomeUnknown(assemblyId, failure)))
                .compose(answer -> {
                    String status = answer.get(0).toString();
                    long number = answer.get(1).toLong();
                    return switch (status) {
                        case "ok" -> Future.succeededFuture();
                        case "conflict" -> Future.failedFuture(new SeqConflict(assemblyId, expectedLastSeq, number));
                        case "fenced" -> Future.failedFuture(new Fenced(assemblyId, epoch, number));
                        default -> Future.failedFuture(new IllegalStateException("unexpected answer " + answer));
                    };
                });
    }

    @Override
    public Future<Void> claim(String assemblyId, long epoch) {
        List<String> keys = List.of(RedisKeys.head(assemblyId));
        List<Buffer> args = List.of(Buffer.buffer(Long.toString(epoch)));
        return JournalScripts.CLAIM.run(calls, keys, args).compose(answer -> {
            if ("ok".equals(answer.get(0).toString())) {
                epochs.merge(assemblyId, epoch, Math::max);
                return Future.succeededFuture();
            }
            return Future.failedFuture(
                    new Fenced(assemblyId, epoch, answer.get(1).toLong()));
        });
    }

    /**
     * Whether a failed call never reached Redis (no connection could be made). Any other failure — the connection
     * closed, no answer in time — may come after Redis ran the script and fsync'd it: its outcome is unknown.
     */
    private static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) return true;
        }
        return false;
    }

    /** The journal's last seq (0: none), as Redis has it now. */
    public Future<Long> lastSeq(String assemblyId) {
        return calls.send(Request.cmd(Command.HGET, RedisKeys.head(assemblyId), "seq"))
                .map(seq -> seq == null ? 0L : seq.toLong());
    }

    @Override
    public Future<Long> replay(String assemblyId, long afterSeq, Consumer<JournalRecord> each) {
        // Up to the last seq durable now: what is appended during the replay is for the next one.
        return lastSeq(assemblyId).compose(end -> page(assemblyId, afterSeq, end, each));
    }

    private Future<Long> page(String assemblyId, long after, long end, Consumer<JournalRecord> each) {
        if (after >= end) return Future.succeededFuture(after);
        long to = Math.min(end, after + PAGE);
        Request range = Request.cmd(Command.XRANGE, RedisKeys.events(assemblyId), (after + 1) + "-0", to + "-0");
        return calls.send(range)
                .compose(entries -> vertx.executeBlocking(() -> handOver(assemblyId, after, to, entries, each), false))
                .compose(last -> page(assemblyId, last, end, each));
    }

    /** Hands a page's records to {@code each}, checking they run on without a gap up to {@code to}. */
    private static long handOver(
            String assemblyId, long after, long to, Response entries, Consumer<JournalRecord> each) {
        long last = after;
        for (Response entry : entries) {
            String id = entry.get(0).toString();
            long seq = Long.parseLong(id.substring(0, id.indexOf('-')));
            if (seq != last + 1)
                throw new IllegalStateException("journal of " + assemblyId + " in Redis misses seq " + (last + 1));
            Response fields = entry.get(1);
            each.accept(new JournalRecord(seq, fields.get(1).toBytes()));
            last = seq;
        }
        if (last != to)
            throw new IllegalStateException("journal of " + assemblyId + " in Redis misses seq " + (last + 1));
        return last;
    }

    @Override
    public Future<Set<String>> assemblyIds() {
        return calls.send(Request.cmd(Command.SMEMBERS, RedisKeys.ASSEMBLIES)).map(members -> {
            Set<String> ids = new TreeSet<>();
            for (Response member : members) {
                if (AssemblyIds.isValid(member.toString())) ids.add(member.toString());
            }
            return ids;
        });
    }

    /** The store's connections, shared with the snapshots kept beside the journals. */
    RedisCalls calls() {
        return calls;
    }

    Vertx vertx() {
        return vertx;
    }

    @Override
    public String kind() {
        return "redis";
    }

    @Override
    public Future<Void> close() {
        return calls.redis().close();
    }
}
