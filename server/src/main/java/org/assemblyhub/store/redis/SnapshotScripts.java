package org.assemblyhub.store.redis;

/** The step that makes a snapshot visible, one Lua script so that readers see it whole or not at all. */
final class SnapshotScripts {
    private SnapshotScripts() {}

    /**
     * KEYS: the written temporary key, the snapshot's key, the assembly's set of snapshots. ARGV: seq, name, how many
     * to keep, the key prefix of snapshots. Renames the temporary key into place (without the expiry that removes
     * what a crash left behind), lists it, drops any newer one (it came from another journal: a shorter one restored)
     * and all but the newest {@code kept}.
     */
    static final LuaScript KEEP = new LuaScript(
            """
            #!lua
            redis.call('RENAME', KEYS[1], KEYS[2])
            redis.call('PERSIST', KEYS[2])
            redis.call('ZADD', KEYS[3], ARGV[1], ARGV[2])
            local newer = redis.call('ZRANGEBYSCORE', KEYS[3], '(' .. ARGV[1], '+inf')
            for _, name in ipairs(newer) do
              redis.call('DEL', ARGV[4] .. name)
              redis.call('ZREM', KEYS[3], name)
            end
            local all = redis.call('ZREVRANGE', KEYS[3], 0, -1)
            for i = tonumber(ARGV[3]) + 1, #all do
              redis.call('DEL', ARGV[4] .. all[i])
              redis.call('ZREM', KEYS[3], all[i])
            end
            return #all
            """);
}
