package com.freshloop.testing;

import java.util.UUID;

/**
 * Names of throw-away test databases: {@code test_<pid>_<random>}. A database whose JVM is no
 * longer alive is stale and is dropped by the next test run on the same server.
 */
final class TestDatabases {

    private TestDatabases() {}

    static String name() {
        return "test_" + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static boolean isStale(String name) {
        String[] parts = name.split("_");
        if (parts.length < 3 || !parts[0].equals("test")) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            // an older naming scheme: no owner to ask, treat as stale
            return true;
        }
    }
}
