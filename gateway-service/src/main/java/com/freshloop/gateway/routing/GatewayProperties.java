package com.freshloop.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services behind the gateway.
 *
 * @param services by service name: where it runs and the API area it answers
 * @param responseTimeout how long one call to a service may take to answer before the circuit
 *     breaker's fallback answers instead (a read timeout on the connection; never retried)
 */
@ConfigurationProperties("freshloop.gateway")
public record GatewayProperties(
        Map<String, Upstream> services, @DefaultValue("10s") Duration responseTimeout) {

    /**
     * @param uri base URI of the service (a Kubernetes Service DNS name in production)
     * @param area the path segment of its API, e.g. {@code profile} for {@code /api/v1/profile/**}
     */
    public record Upstream(URI uri, String area) {}
}
