package org.assemblyhub.store.redis;

import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks, at start, that the Redis holding the journals keeps every write it acknowledges: an acknowledged command is
 * a promise to the person who sent it. That needs {@code appendonly yes} and {@code appendfsync always} (Redis then
 * fsyncs its append-only file before it answers). Anything weaker makes the start fail with a message naming the
 * setting, unless the operator started the hub with {@code --accept-weaker-durability}; then it is a warning. A
 * {@code maxmemory-policy} other than {@code noeviction} is always a warning: Redis could evict journal entries.
 */
public final class RedisDurability {
    public static final String ACCEPT_FLAG = "--accept-weaker-durability";

    private RedisDurability() {}

    /** Thrown when Redis would not keep every acknowledged write and the operator did not accept that. */
    public static final class TooWeak extends RuntimeException {
        TooWeak(String message) {
            super(message);
        }
    }

    /**
     * Succeeds with the warnings to log (none for a durable Redis), or fails with {@link TooWeak}. {@code where} names
     * the Redis in messages (its URL without the password).
     */
    static Future<List<String>> check(RedisCalls calls, String where, boolean acceptWeaker) {
        return Future.all(
                        setting(calls, "appendonly"), setting(calls, "appendfsync"), setting(calls, "maxmemory-policy"))
                .transform(ar -> {
                    if (ar.succeeded()) return judge(ar.result(), where, acceptWeaker);
                    String message = "cannot check that the Redis at " + where + " persists every acknowledged"
                            + " write (CONFIG GET failed: " + ar.cause().getMessage() + ")";
                    if (!acceptWeaker)
                        return Future.failedFuture(
                                new TooWeak(message + "; start the hub with " + ACCEPT_FLAG + " to run anyway"));
                    return Future.succeededFuture(List.of(message + " (accepted with " + ACCEPT_FLAG + ")"));
                });
    }

    private static Future<List<String>> judge(CompositeFuture all, String where, boolean acceptWeaker) {
        List<String> problems = new ArrayList<>();
        String appendonly = all.resultAt(0);
        String appendfsync = all.resultAt(1);
        String policy = all.resultAt(2);
        if (!"yes".equals(appendonly)) problems.add("appendonly is '" + appendonly + "', not 'yes'");
        if (!"always".equals(appendfsync)) problems.add("appendfsync is '" + appendfsync + "', not 'always'");
        List<String> warnings = new ArrayList<>();
        if (!problems.isEmpty()) {
            String message = "the Redis at " + where + " does not persist every acknowledged write: "
                    + String.join(" and ", problems) + ", so a Redis crash could lose commands the hub"
                    + " has already confirmed; set 'appendonly yes' and 'appendfsync always' in its"
                    + " redis.conf";
            if (!acceptWeaker)
                return Future.failedFuture(new TooWeak(message + ", or start the hub with " + ACCEPT_FLAG
                        + " (HUB_ACCEPT_WEAKER_DURABILITY=true) to accept that"));
            warnings.add(message + " (accepted with " + ACCEPT_FLAG + ")");
        }
        if (!"noeviction".equals(policy)) {
            warnings.add("the Redis at " + where + " has maxmemory-policy '" + policy + "': when full it"
                    + " may evict keys, journals included; set 'maxmemory-policy noeviction' so that"
                    + " appends fail instead");
        }
        return Future.succeededFuture(warnings);
    }

    /** One setting's value; CONFIG GET answers a map (RESP3) or a flat list of name and value (RESP2). */
    private static Future<String> setting(RedisCalls calls, String name) {
        return calls.send(Request.cmd(Command.CONFIG).arg("GET").arg(name)).map(answer -> {
            Response value = answer.isMap() ? answer.get(name) : answer.size() >= 2 ? answer.get(1) : null;
            return value == null ? "" : value.toString();
        });
    }
}
