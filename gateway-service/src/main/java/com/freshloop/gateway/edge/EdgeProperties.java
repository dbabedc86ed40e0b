package com.freshloop.gateway.edge;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits (token buckets in Redis) and CORS of the edge.
 *
 * @param perUser requests per second and burst for each signed-in user
 * @param perIp requests per second and burst for each client address, signed in or not
 * @param allowedOrigins origins of the web app allowed by CORS
 */
@ConfigurationProperties("freshloop.edge")
public record EdgeProperties(Limit perUser, Limit perIp, List<String> allowedOrigins) {

    /**
     * @param replenishRate tokens added per second
     * @param burstCapacity bucket size
     */
    public record Limit(int replenishRate, long burstCapacity) {}

    public EdgeProperties {
        perUser = perUser == null ? new Limit(50, 100) : perUser;
        perIp = perIp == null ? new Limit(200, 400) : perIp;
        allowedOrigins = allowedOrigins == null ? List.of() : allowedOrigins;
    }
}
