package com.freshloop.testing;

import org.testcontainers.DockerClientFactory;

/** Whether tests can use Testcontainers here. {@code FRESHLOOP_TEST_DOCKER=false} skips the probe. */
public final class Docker {

    private static volatile Boolean available;

    private Docker() {}

    public static boolean available() {
        Boolean result = available;
        if (result == null) {
            String setting = System.getenv("FRESHLOOP_TEST_DOCKER");
            if ("false".equalsIgnoreCase(setting)) {
                result = false;
            } else {
                try {
                    result = DockerClientFactory.instance().isDockerAvailable();
                } catch (RuntimeException | Error e) {
                    result = false;
                }
            }
            available = result;
        }
        return result;
    }
}
