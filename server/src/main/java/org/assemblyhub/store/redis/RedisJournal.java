package org.assemblyhub.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.assemblyhub.config.StoreConfig;

import java.lang.System.Logger.Level;

/** Opens the Redis journal of a hub: a client for the configured URL, then the durability check, then the store. */
public final class RedisJournal {
    private static final System.Logger LOG = System.getLogger(RedisJournal.class.getName());
    /** How long one Redis call may take before the command waiting on it is answered that the journal is down. */
    public static final long TIMEOUT_MS = 5_000;
    /** Connections to Redis; engines share them (a call is a round trip: a few carry many assemblies). */
    private static final int CONNECTIONS = 8;

    private RedisJournal() {}

    /** Fails (closing the client) when Redis cannot be reached or does not persist every acknowledged write. */
    public static Future<RedisEventStore> open(Vertx vertx, StoreConfig config) {
        Redis redis = Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(config.redisUrl())
                        .setMaxPoolSize(CONNECTIONS)
                        .setMaxPoolWaiting(4_096)
                        .setMaxWaitingHandlers(16_384));
        RedisCalls calls = new RedisCalls(redis, TIMEOUT_MS);
        String where = config.redisUrlForLogs();
        return RedisDurability.check(calls, where, config.acceptWeakerDurability())
                .map(warnings -> {
                    warnings.forEach(w -> LOG.log(Level.WARNING, w));
                    LOG.log(Level.INFO, "journals in the Redis at {0}", where);
                    return new RedisEventStore(vertx, redis, TIMEOUT_MS);
                })
                .onFailure(failure -> redis.close());
    }
}
