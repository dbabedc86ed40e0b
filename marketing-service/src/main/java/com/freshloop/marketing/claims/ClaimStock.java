package com.freshloop.marketing.claims;

import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A template's claimable stock and per-user claims in Redis, taken and given back by Lua scripts so that
 * check and decrement are one atomic step: thousands of concurrent claims never take more than the stock,
 * and losers are turned away by Redis without touching the database.
 */
@Component
class ClaimStock {

    static final long OUT_OF_STOCK = -1;
    static final long USER_LIMIT = -2;

    /**
     * KEYS: stock, users. ARGV: initial stock (set when the key is new), user, per-user limit.
     * Returns the user's claim number (1..limit) or -1 / -2.
     */
    private static final RedisScript<Long> TAKE = new DefaultRedisScript<>("""
            redis.call('SET', KEYS[1], ARGV[1], 'NX')
            local held = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
            if held >= tonumber(ARGV[3]) then return -2 end
            if tonumber(redis.call('GET', KEYS[1])) <= 0 then return -1 end
            redis.call('DECR', KEYS[1])
            return redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
            """, Long.class);

    private static final RedisScript<Long> GIVE_BACK = new DefaultRedisScript<>("""
            redis.call('INCR', KEYS[1])
            return redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
            """, Long.class);

    private final StringRedisTemplate redis;

    ClaimStock(StringRedisTemplate redis) {
        this.redis = redis;
    }

    long take(UUID templateId, long initialStock, String userId, int perUserLimit) {
        Long result = redis.execute(
                TAKE,
                keys(templateId),
                Long.toString(Math.max(initialStock, 0)),
                userId,
                Integer.toString(perUserLimit));
        return result == null ? OUT_OF_STOCK : result;
    }

    void giveBack(UUID templateId, String userId) {
        redis.execute(GIVE_BACK, keys(templateId), userId);
    }

    long remaining(UUID templateId) {
        String value = redis.opsForValue().get(keys(templateId).get(0));
        return value == null ? -1 : Long.parseLong(value);
    }

    private static List<String> keys(UUID templateId) {
        // One hash tag per template keeps both keys on one slot, should this ever run on Redis Cluster.
        String tag = "marketing:claims:{" + templateId + "}";
        return List.of(tag + ":stock", tag + ":users");
    }
}
