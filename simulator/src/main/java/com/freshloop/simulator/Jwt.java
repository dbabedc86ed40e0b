package com.freshloop.simulator;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 tokens for the local platform, signed with the JDK only: {@code sub}, {@code roles}, {@code iss
 * = freshloop-local}, {@code iat}, {@code exp}. The key is the secret string's UTF-8 bytes.
 */
public final class Jwt {

    public static final String ISSUER = "freshloop-local";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    public static String sign(String subject, List<String> roles, String secret, Instant issuedAt, Instant expires) {
        String header = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String roleList = roles.stream().map(Jwt::quote).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"sub\":" + quote(subject) + ",\"roles\":" + roleList + ",\"iss\":\"" + ISSUER + "\",\"iat\":"
                + issuedAt.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond() + "}";
        String signingInput = header + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + B64.encodeToString(hmac(secret, signingInput));
    }

    static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
