package com.freshloop.marketing.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash-claim benchmark against a running marketing-service: creates a template with {@code --stock}
 * coupons, fires {@code --claims} claims from distinct shoppers with {@code --concurrency} in flight, and
 * prints claims/s, p50/p99 latency and how many were issued (must equal min(stock, claims)).
 *
 * <p>{@code java -cp marketing-service.jar -Dloader.main=com.freshloop.marketing.bench.ClaimsBenchmark
 * org.springframework.boot.loader.launch.PropertiesLauncher [--url http://localhost:8083] [--claims 10000]
 * [--stock 1000] [--concurrency 64]}; the JWT secret comes from FRESHLOOP_JWT_SECRET or
 * {@code .freshloop/secrets.env}.
 */
public final class ClaimsBenchmark {

    private ClaimsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://localhost:8083");
        int claims = Integer.parseInt(option(args, "--claims", "10000"));
        int stock = Integer.parseInt(option(args, "--stock", "1000"));
        int concurrency = Integer.parseInt(option(args, "--concurrency", "64"));
        String secret = secret();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String template = createTemplate(http, url, token("bench-operator", "operator", secret), stock);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = new ArrayList<>(claims);
        for (int i = 0; i < claims; i++) {
            tokens.add(token("bench-" + run + "-" + i, "shopper", secret));
        }

        long[] latencies = new long[claims];
        int[] statuses = new int[claims];
        Semaphore inFlight = new Semaphore(concurrency);
        long start = System.nanoTime();
        // Java 17: platform threads, one per request in flight.
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>(claims);
            for (int i = 0; i < claims; i++) {
                int index = i;
                inFlight.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        long t0 = System.nanoTime();
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create(url + "/api/v1/marketing/me/claims/" + template))
                                .header("Authorization", "Bearer " + tokens.get(index))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build();
                        statuses[index] = http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        latencies[index] = System.nanoTime() - t0;
                    } catch (IOException | InterruptedException e) {
                        statuses[index] = -1;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long issued = Arrays.stream(statuses).filter(s -> s == 201).count();
        long refused = Arrays.stream(statuses).filter(s -> s == 409).count();
        long failed = claims - issued - refused;
        Arrays.sort(latencies);
        System.out.printf(
                "claims=%d stock=%d concurrency=%d -> issued=%d refused=%d failed=%d in %.2f s: %.0f claims/s,"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                claims,
                stock,
                concurrency,
                issued,
                refused,
                failed,
                seconds,
                claims / seconds,
                latencies[(int) (claims * 0.50)] / 1e6,
                latencies[Math.min(claims - 1, (int) (claims * 0.99))] / 1e6,
                latencies[claims - 1] / 1e6);
        if (issued != Math.min(stock, claims) || failed > 0) {
            System.err.println("FAILED: expected exactly " + Math.min(stock, claims) + " issued and no failures");
            System.exit(1);
        }
    }

    private static String createTemplate(HttpClient http, String url, String operator, int stock)
            throws IOException, InterruptedException {
        String body = """
                {"name": "bench flash 10 off", "kind": "no_threshold", "value": 10, "validDays": 1,
                 "totalStock": %d, "perUserLimit": 1}
                """.formatted(stock);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url + "/admin/v1/marketing/coupon-templates"))
                        .header("Authorization", "Bearer " + operator)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(
                    "could not create the template: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }

    private static String token(String subject, String role, String secret) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer("freshloop-local")
                    .issueTime(Date.from(now.minusSeconds(60)))
                    .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                    .claim("roles", List.of(role))
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String secret() throws IOException {
        String fromEnv = System.getenv("FRESHLOOP_JWT_SECRET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path file = Path.of(".freshloop", "secrets.env");
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("FRESHLOOP_JWT_SECRET=")) {
                return line.substring("FRESHLOOP_JWT_SECRET=".length()).strip();
            }
        }
        throw new IllegalStateException("FRESHLOOP_JWT_SECRET is not set and not in .freshloop/secrets.env");
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
