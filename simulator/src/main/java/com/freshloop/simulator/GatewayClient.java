package com.freshloop.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The HTTP side of the app: JSON calls to the gateway with a bearer token. 429 and 503 are retried after
 * their Retry-After (seconds), connection failures after a back-off, up to {@link #ATTEMPTS} times.
 */
final class GatewayClient {

    static final int ATTEMPTS = 8;

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final String base;
    private final long nanosPerRequest;
    private long nextPermit = System.nanoTime();

    GatewayClient(String base) {
        this(base, 0);
    }

    /**
     * @param maxRequestsPerSecond client-side pacing, 0 for none: the gateway limits each IP (200/s by default)
     *     and a 429 costs a whole second of Retry-After, so staying under the limit is faster
     */
    GatewayClient(String base, int maxRequestsPerSecond) {
        this.nanosPerRequest = maxRequestsPerSecond <= 0 ? 0 : 1_000_000_000L / maxRequestsPerSecond;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String json) {
        return send("POST", path, token, json);
    }

    Response put(String path, String token, String json) {
        return send("PUT", path, token, json);
    }

    Response send(String method, String path, String token, String json) {
        return send(method, path, token, json, Duration.ofSeconds(60));
    }

    /** A call with its own timeout (a long batch job must not time out and run twice). */
    Response send(String method, String path, String token, String json, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = builder.build();
        IOException lastError = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                pace();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                    sleep(retryAfter(
                            response.headers().firstValue("Retry-After").orElse(null), attempt));
                    continue;
                }
                return new Response(status, response.body());
            } catch (IOException e) {
                lastError = e;
                sleep(Duration.ofMillis(250L << Math.min(attempt, 5)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(method + " " + base + path + " failed: " + lastError, lastError);
    }

    private void pace() throws InterruptedException {
        if (nanosPerRequest == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextPermit = Math.max(nextPermit, now) + nanosPerRequest;
            wait = nextPermit - nanosPerRequest - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    static Duration retryAfter(String header, int attempt) {
        if (header != null) {
            try {
                return Duration.ofSeconds(Math.max(0, Math.min(60, Long.parseLong(header.trim()))));
            } catch (NumberFormatException ignored) {
                // an HTTP date: fall back to the back-off below
            }
        }
        return Duration.ofMillis(250L << Math.min(attempt, 5));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
