package org.assemblyhub.store.redis;

import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.assemblyhub.store.AssemblyIds;
import org.assemblyhub.store.Documents;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Documents as fields of one Redis hash per kind ({@code hub:docs:<kind>}): every node reads the same. Blocking. */
public final class RedisDocuments implements Documents {
    /**
     * Compare and set in one step on the Redis side: the field is replaced only if it still holds ARGV[2] (an empty
     * ARGV[3] flag: only if it is absent), so two nodes changing the same document never lose each other's change.
     */
    private static final LuaScript REPLACE = new LuaScript(
            """
            local now = redis.call('HGET', KEYS[1], ARGV[1])
            if ARGV[3] == '0' then
              if now then return 0 end
            elseif now ~= ARGV[2] then
              return 0
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
            return 1
            """);

    private final RedisCalls calls;

    public RedisDocuments(RedisEventStore store) {
        this.calls = store.calls();
    }

    private static String key(String kind) {
        return RedisKeys.PREFIX + "docs:" + AssemblyIds.require(kind);
    }

    @Override
    public Optional<byte[]> get(String kind, String id) throws IOException {
        Response got = call(Request.cmd(Command.HGET).arg(key(kind)).arg(AssemblyIds.require(id)));
        return got == null ? Optional.empty() : Optional.of(got.toBytes());
    }

    @Override
    public void put(String kind, String id, byte[] content) throws IOException {
        call(Request.cmd(Command.HSET)
                .arg(key(kind))
                .arg(AssemblyIds.require(id))
                .arg(content));
    }

    @Override
    public boolean replace(String kind, String id, byte[] expected, byte[] content) throws IOException {
        List<Buffer> args = List.of(
                Buffer.buffer(AssemblyIds.require(id)),
                Buffer.buffer(expected == null ? new byte[0] : expected),
                Buffer.buffer(expected == null ? "0" : "1"),
                Buffer.buffer(content));
        return calls.await(REPLACE.run(calls, List.of(key(kind)), args), "documents")
                        .toInteger()
                == 1;
    }

    @Override
    public List<String> ids(String kind) throws IOException {
        List<String> ids = new ArrayList<>();
        Response all = call(Request.cmd(Command.HKEYS).arg(key(kind)));
        if (all != null) for (Response id : all) ids.add(id.toString());
        ids.sort(null);
        return ids;
    }

    private Response call(Request request) throws IOException {
        return calls.sendAndWait(request, "documents");
    }
}
