package org.assemblyhub.store.redis;

/**
 * The two writes of the Redis journal, each one Lua script so that Redis runs its checks and its writes as one step:
 * no other client's command comes in between, so two writers can never interleave. The {@code #!lua} line makes Redis
 * refuse a script that writes when it is out of memory before it starts, never halfway through a batch. Each returns
 * {@code [status, number]}: {@code ok}, {@code conflict} (the journal's last seq) or {@code fenced} (its epoch).
 */
final class JournalScripts {
    private JournalScripts() {}

    /**
     * KEYS: head, events, assemblies. ARGV: assembly id, expected last seq, the writer's epoch, then each record's
     * bytes. Appends the records as stream entries {@code <seq>-0} only if the journal ends at the expected seq and no
     * newer epoch owns it.
     */
    static final LuaScript APPEND = new LuaScript(
            """
            #!lua
            local head = redis.call('HMGET', KEYS[1], 'seq', 'epoch')
            local last = tonumber(head[1] or '0')
            local owner = tonumber(head[2] or '0')
            if tonumber(ARGV[3]) < owner then return {'fenced', owner} end
            if last ~= tonumber(ARGV[2]) then return {'conflict', last} end
            for i = 4, #ARGV do
              last = last + 1
              redis.call('XADD', KEYS[2], string.format('%d-0', last), 'd', ARGV[i])
            end
            redis.call('HSET', KEYS[1], 'seq', string.format('%d', last))
            if last > 0 then redis.call('SADD', KEYS[3], ARGV[1]) end
            return {'ok', last}
            """);

    /**
     * KEYS: head. ARGV: the claiming epoch. Makes it the journal's owner epoch unless a newer one holds it already;
     * claiming the current epoch again is allowed (a retried claim).
     */
    static final LuaScript CLAIM = new LuaScript(
            """
            #!lua
            local owner = tonumber(redis.call('HGET', KEYS[1], 'epoch') or '0')
            local epoch = tonumber(ARGV[1])
            if epoch < owner then return {'fenced', owner} end
            redis.call('HSET', KEYS[1], 'epoch', string.format('%d', epoch))
            return {'ok', owner}
            """);
}
