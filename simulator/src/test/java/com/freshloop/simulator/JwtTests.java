package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JwtTests {

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void signsHs256WithTheSecretsUtf8BytesAndTheExpectedClaims() throws Exception {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        String token = Jwt.sign("g-1808", List.of("shopper"), SECRET, now, now.plusSeconds(3600));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64.getUrlDecoder().decode(parts[2])).isEqualTo(expected);

        JsonMapper json = JsonMapper.builder().build();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asString()).isEqualTo("HS256");
        assertThat(claims.path("sub").asString()).isEqualTo("g-1808");
        assertThat(claims.path("roles").get(0).asString()).isEqualTo("shopper");
        assertThat(claims.path("iss").asString()).isEqualTo("freshloop-local");
        assertThat(claims.path("exp").asLong()).isEqualTo(now.plusSeconds(3600).getEpochSecond());
    }

    @Test
    void readsTheSecretFromTheEnvironmentFirstThenFromSecretsEnvAbove(@TempDir Path root) throws IOException {
        Path nested = Files.createDirectories(root.resolve("simulator/target"));
        assertThatThrownBy(() -> Secrets.jwtSecret(Map.of(), nested)).isInstanceOf(IllegalStateException.class);
        Files.createDirectories(root.resolve(".freshloop"));
        Files.writeString(root.resolve(".freshloop/secrets.env"), "OTHER=x\nFRESHLOOP_JWT_SECRET=" + SECRET + "\n");
        assertThat(Secrets.jwtSecret(Map.of(), nested)).isEqualTo(SECRET);
        assertThat(Secrets.jwtSecret(Map.of("FRESHLOOP_JWT_SECRET", "from-env"), nested))
                .isEqualTo("from-env");
    }
}
