package com.freshloop.deployment.services;

import java.util.Locale;
import java.util.Optional;

/**
 * An environment variable a service's configuration reads, as {@code ${NAME}} or
 * {@code ${NAME:default}}.
 */
public record Placeholder(String name, Optional<String> defaultValue) {

    /**
     * Whether a container must set it: no default at all, an empty default for a secret (the code
     * refuses to start without it), or an endpoint ({@code *_URL}, {@code *_HOST}, {@code *_SERVERS})
     * that defaults to localhost, which inside a container is the container itself. (A localhost
     * default of anything else, such as a browser origin for CORS, is not a connection.)
     */
    public boolean requiredInContainer() {
        if (defaultValue.isEmpty()) {
            return true;
        }
        String value = defaultValue.get();
        if (value.isEmpty() && isSecret(name)) {
            return true;
        }
        return isEndpoint(name) && (value.contains("localhost") || value.contains("127.0.0.1"));
    }

    static boolean isEndpoint(String name) {
        return name.endsWith("_URL") || name.endsWith("_URI") || name.endsWith("_HOST") || name.endsWith("_SERVERS");
    }

    /** Names that hold credentials: their values never appear in a manifest or compose file. */
    public static boolean isSecret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.contains("SECRET") || upper.contains("PASSWORD");
    }
}
