package org.assemblyhub.store.redis;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.assemblyhub.store.PersonKeys;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Person keys in Redis beside the journal (a hash per assembly), so that the node that takes an assembly over can
 * read its people's data. Durable as the journal is (the hub checks Redis's append-only fsync at start). Deleting a
 * key also has Redis rewrite its append-only file, which otherwise keeps the command that wrote it ({@link
 * AofRewrite}: after any rewrite already running). Blocking: workers only.
 */
public final class RedisPersonKeys implements PersonKeys {
    private final RedisCalls calls;
    private final Vertx vertx;

    public RedisPersonKeys(RedisEventStore store) {
        this.calls = store.calls();
        this.vertx = store.vertx();
    }

    @Override
    public Map<String, byte[]> load(String assemblyId) throws IOException {
        Response all = call(Request.cmd(Command.HGETALL, RedisKeys.personKeys(assemblyId)));
        Map<String, byte[]> keys = new LinkedHashMap<>();
        if (all == null || all.size() == 0) return keys;
        Set<String> fields = all.getKeys();
        if (fields != null && !fields.isEmpty()) {
            for (String field : fields) keys.put(field, all.get(field).toBytes());
        } else {
            // RESP2 answers field, value, field, value…
            for (int i = 0; i + 1 < all.size(); i += 2)
                keys.put(all.get(i).toString(), all.get(i + 1).toBytes());
        }
        return keys;
    }

    @Override
    public void add(String assemblyId, Map<String, byte[]> keys) throws IOException {
        if (keys.isEmpty()) return;
        Request hset = Request.cmd(Command.HSET).arg(RedisKeys.personKeys(assemblyId));
        keys.forEach((person, key) -> hset.arg(person).arg(key));
        call(hset);
    }

    @Override
    public boolean delete(String assemblyId, Set<String> personIds) throws IOException {
        if (personIds.isEmpty()) return false;
        Request hdel = Request.cmd(Command.HDEL).arg(RedisKeys.personKeys(assemblyId));
        personIds.forEach(hdel::arg);
        boolean any = call(hdel).toLong() > 0;
        if (any) AofRewrite.ask(vertx, calls);
        return any;
    }

    private Response call(Request request) throws IOException {
        return calls.sendAndWait(request, "person keys");
    }
}
