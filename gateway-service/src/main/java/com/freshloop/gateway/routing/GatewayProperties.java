package com.freshloop.gateway.routing;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The services behind the gateway.
 *
 * @param services by service name: where it runs and the API area it answers
 */
@ConfigurationProperties("freshloop.gateway")
public record GatewayProperties(Map<String, Upstream> services) {

    /**
     * @param uri base URI of the service (a Kubernetes Service DNS name in production)
     * @param area the path segment of its API, e.g. {@code profile} for {@code /api/v1/profile/**}
     */
    public record Upstream(URI uri, String area) {}
}
