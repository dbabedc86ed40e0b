package com.freshloop.starter.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of a servlet request. Shopper endpoints take the user id from here and never from the
 * request, so nobody can name another user's data.
 */
public final class CurrentUser {

    private CurrentUser() {}

    /** The {@code sub} of the caller's token: the user id of a shopper, the name of an operator. */
    public static String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication.getName() == null) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated caller");
        }
        return authentication.getName();
    }

    /** The caller's name for audit records. */
    public static String name() {
        return id();
    }
}
