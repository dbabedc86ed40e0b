package com.freshloop.starter.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/** The two roles of the platform, carried in the token's {@code roles} claim. */
public final class Roles {

    public static final String SHOPPER = "shopper";
    public static final String OPERATOR = "operator";
    public static final String CLAIM = "roles";

    private Roles() {}

    /** Maps {@code roles: ["operator"]} to the authority {@code ROLE_operator}; the principal is {@code sub}. */
    public static Converter<Jwt, AbstractAuthenticationToken> authenticationConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
