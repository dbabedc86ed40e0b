package com.freshloop.starter.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are verified: an HS256 shared secret for local runs and tests, or the identity
 * provider's JWKS in production. Neither has a default in code.
 *
 * @param secret HS256 key (at least 32 bytes), e.g. from {@code FRESHLOOP_JWT_SECRET}
 * @param jwkSetUri JWKS endpoint of the identity provider; wins over {@code secret} when set
 * @param issuer expected {@code iss} claim, if set
 */
@ConfigurationProperties("freshloop.security.jwt")
public record JwtProperties(String secret, String jwkSetUri, String issuer) {

    static final int MIN_SECRET_BYTES = 32;

    boolean usesJwks() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }

    byte[] secretBytes() {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "No JWT key configured: set freshloop.security.jwt.secret (FRESHLOOP_JWT_SECRET) or freshloop.security.jwt.jwk-set-uri");
        }
        byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "freshloop.security.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return bytes;
    }
}
