package org.assemblyhub.store.redis;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}); when Redis does not know it — its script cache is empty after every
 * restart — it is sent whole once ({@code EVAL}), which also caches it again. A script runs atomically in Redis.
 */
final class LuaScript {
    private final String text;
    private final String sha;

    LuaScript(String text) {
        this.text = text;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            this.sha = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-1", e);
        }
    }

    Future<Response> run(RedisCalls calls, List<String> keys, List<Buffer> args) {
        return calls.send(request(Command.EVALSHA, sha, keys, args)).recover(failure -> {
            String message = String.valueOf(failure.getMessage());
            if (!message.startsWith("NOSCRIPT")) return Future.failedFuture(failure);
            return calls.send(request(Command.EVAL, text, keys, args));
        });
    }

    private static Request request(Command command, String script, List<String> keys, List<Buffer> args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        args.forEach(request::arg);
        return request;
    }
}
