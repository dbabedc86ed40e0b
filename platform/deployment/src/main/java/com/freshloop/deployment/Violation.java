package com.freshloop.deployment;

/**
 * One finding of a validator: what is wrong ({@code message}) and where ({@code subject}, e.g.
 * {@code Deployment/profile-service} or {@code compose service kafka}).
 */
public record Violation(String subject, String message) {

    @Override
    public String toString() {
        return subject + ": " + message;
    }
}
