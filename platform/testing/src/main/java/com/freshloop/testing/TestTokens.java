package com.freshloop.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Bearer tokens for tests, signed with a key made for this test JVM; {@link SecurityInfrastructure}
 * gives the same key to the application under test.
 */
public final class TestTokens {

    static final String SECRET = HexFormat.of().formatHex(randomBytes());

    private TestTokens() {}

    public static String shopper(String userId) {
        return sign(userId, "shopper", SECRET, Duration.ofHours(1));
    }

    public static String operator(String name) {
        return sign(name, "operator", SECRET, Duration.ofHours(1));
    }

    /** A token signed with another key: must be rejected. */
    public static String forged(String userId) {
        return sign(userId, "operator", HexFormat.of().formatHex(randomBytes()), Duration.ofHours(1));
    }

    /** A token that expired a minute ago: must be rejected. */
    public static String expired(String userId) {
        return sign(userId, "shopper", SECRET, Duration.ofMinutes(-1));
    }

    public static String secret() {
        return SECRET;
    }

    /** Signs a token with any HS256 secret, e.g. one read from {@code .freshloop/secrets.env}. */
    public static String sign(String subject, String role, String secret, Duration validFor) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("freshloop-local")
                    .issueTime(Date.from(now.minusSeconds(120)))
                    .expirationTime(Date.from(now.plus(validFor)))
                    .claim("roles", List.of(role))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
