package com.freshloop.gateway.edge;

import java.util.List;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The caller's per-address and per-user token buckets, kept in Redis so that every gateway replica
 * shares them, and both taken from in <b>one</b> round trip: a Lua script refills each bucket for the
 * time since it was last used (Redis's own clock, microsecond resolution), takes a token from the
 * address bucket and, only if that one allowed the request, from the user's.
 *
 * <p>Why not Spring Cloud Gateway's {@code RedisRateLimiter}: it costs one round trip per bucket, and
 * its script is a classpath resource whose modification time it re-reads on every call — inside a Boot
 * jar that was a third of the gateway's CPU per request (ADR 8). This script is a constant string.
 *
 * <p>The keys of one call live in different hash slots, so this needs a standalone (or replicated)
 * Redis, which is what the platform runs; on Redis Cluster the two buckets would need two calls.
 */
public class TokenBuckets {

    /** Which bucket said no ({@code null} when allowed) and the tokens left in the last bucket taken from. */
    public record Decision(boolean allowed, String deniedBy, long remaining, EdgeProperties.Limit limit) {}

    static final String IP_BUCKET = "ip";
    static final String USER_BUCKET = "user";
    private static final String PREFIX = "freshloop:ratelimit:";

    // KEYS: ip tokens, ip timestamp[, user tokens, user timestamp]; ARGV: ip rate, ip burst[, user rate,
    // user burst]. Returns {ip allowed, ip tokens left[, user allowed, user tokens left]} (1 = allowed).
    static final String SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) + tonumber(time[2]) / 1000000
            local function take(tokens_key, stamp_key, rate, capacity)
              local ttl = math.max(1, math.ceil(capacity / rate * 2))
              local tokens = tonumber(redis.call('GET', tokens_key)) or capacity
              local stamp = tonumber(redis.call('GET', stamp_key)) or 0
              local filled = math.min(capacity, tokens + math.max(0, now - stamp) * rate)
              local allowed = filled >= 1
              if allowed then filled = filled - 1 end
              redis.call('SETEX', tokens_key, ttl, string.format('%.6f', filled))
              redis.call('SETEX', stamp_key, ttl, string.format('%.6f', now))
              return allowed and 1 or 0, math.floor(filled)
            end
            local ip_allowed, ip_left = take(KEYS[1], KEYS[2], tonumber(ARGV[1]), tonumber(ARGV[2]))
            if #KEYS < 4 or ip_allowed == 0 then
              return { ip_allowed, ip_left }
            end
            local user_allowed, user_left = take(KEYS[3], KEYS[4], tonumber(ARGV[3]), tonumber(ARGV[4]))
            return { ip_allowed, ip_left, user_allowed, user_left }
            """;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> TAKE = (RedisScript) RedisScript.of(SCRIPT, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final EdgeProperties.Limit perIp;
    private final EdgeProperties.Limit perUser;

    public TokenBuckets(ReactiveStringRedisTemplate redis, EdgeProperties.Limit perIp, EdgeProperties.Limit perUser) {
        this.redis = redis;
        this.perIp = perIp;
        this.perUser = perUser;
    }

    /**
     * Takes a token for a request from {@code ip} by {@code user} ({@code null} when anonymous: only the
     * address bucket applies). If Redis cannot answer, the request is allowed: a limiter outage must not
     * take the app down.
     */
    public Mono<Decision> take(String ip, String user) {
        List<String> keys = user == null
                ? List.of(PREFIX + "{ip:" + ip + "}.tokens", PREFIX + "{ip:" + ip + "}.timestamp")
                : List.of(
                        PREFIX + "{ip:" + ip + "}.tokens",
                        PREFIX + "{ip:" + ip + "}.timestamp",
                        PREFIX + "{user:" + user + "}.tokens",
                        PREFIX + "{user:" + user + "}.timestamp");
        List<String> args = user == null
                ? List.of(Integer.toString(perIp.replenishRate()), Long.toString(perIp.burstCapacity()))
                : List.of(
                        Integer.toString(perIp.replenishRate()),
                        Long.toString(perIp.burstCapacity()),
                        Integer.toString(perUser.replenishRate()),
                        Long.toString(perUser.burstCapacity()));
        return redis.execute(TAKE, keys, args)
                .next()
                .map(this::decision)
                .onErrorResume(e -> Mono.just(new Decision(true, null, -1, user == null ? perIp : perUser)));
    }

    private Decision decision(List<Long> result) {
        if (result.get(0) == 0) {
            return new Decision(false, IP_BUCKET, result.get(1), perIp);
        }
        if (result.size() < 4) {
            return new Decision(true, null, result.get(1), perIp);
        }
        boolean allowed = result.get(2) == 1;
        return new Decision(allowed, allowed ? null : USER_BUCKET, result.get(3), perUser);
    }
}
