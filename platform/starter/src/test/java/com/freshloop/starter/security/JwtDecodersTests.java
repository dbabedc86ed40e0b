package com.freshloop.starter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class JwtDecodersTests {

    static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

    @Test
    void anIssuerThatIsNotAUrlStaysAStringAndIsStillChecked() throws Exception {
        String token = token("freshloop");

        Jwt servlet = JwtDecoders.servlet(new JwtProperties(SECRET, null, "freshloop"))
                .decode(token);
        Jwt reactive = JwtDecoders.reactive(new JwtProperties(SECRET, null, "freshloop"))
                .decode(token)
                .block();

        assertThat(servlet.getClaimAsString("iss")).isEqualTo("freshloop");
        assertThat(reactive.getClaimAsString("iss")).isEqualTo("freshloop");
        assertThat(reactive.getSubject()).isEqualTo("u-1");
        assertThatThrownBy(() -> JwtDecoders.servlet(new JwtProperties(SECRET, null, "someone-else"))
                        .decode(token))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void otherClaimsKeepTheirUsualTypes() throws Exception {
        Jwt jwt = JwtDecoders.servlet(new JwtProperties(SECRET, null, null)).decode(token("https://id.example.com"));

        assertThat(jwt.getExpiresAt()).isInstanceOf(Instant.class);
        assertThat(jwt.getClaimAsStringList(Roles.CLAIM)).containsExactly(Roles.SHOPPER);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("https://id.example.com");
    }

    private static String token(String issuer) throws Exception {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("u-1")
                        .issuer(issuer)
                        .claim(Roles.CLAIM, List.of(Roles.SHOPPER))
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300)))
                        .build());
        jwt.sign(new MACSigner(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
