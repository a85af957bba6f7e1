package org.assemblyhub.store.redis;

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
