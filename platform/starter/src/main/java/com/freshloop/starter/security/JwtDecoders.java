package com.freshloop.starter.security;

import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Builds the servlet and reactive decoders from the same {@link JwtProperties}. */
final class JwtDecoders {

    /**
     * The default claim conversions, except that {@code iss} stays the string it is: the default tries
     * to turn it into a URL, and for an issuer that is not one (ours is a name) that meant building and
     * throwing an exception on every request, several percent of the gateway's CPU.
     */
    private static final MappedJwtClaimSetConverter CLAIMS =
            MappedJwtClaimSetConverter.withDefaults(Map.of(JwtClaimNames.ISS, issuer -> issuer));

    private JwtDecoders() {}

    static JwtDecoder servlet(JwtProperties properties) {
        NimbusJwtDecoder decoder = properties.usesJwks()
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusJwtDecoder.withSecretKey(key(properties))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(properties));
        decoder.setClaimSetConverter(CLAIMS);
        return decoder;
    }

    static ReactiveJwtDecoder reactive(JwtProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.usesJwks()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withSecretKey(key(properties))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(properties));
        decoder.setClaimSetConverter(CLAIMS);
        return decoder;
    }

    private static SecretKeySpec key(JwtProperties properties) {
        return new SecretKeySpec(properties.secretBytes(), "HmacSHA256");
    }

    private static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            return JwtValidators.createDefault();
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    }
}
