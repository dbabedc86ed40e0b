package com.freshloop.streams.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;

/**
 * End-to-end benchmark of real-time tags: drives the gateway's collector ({@code POST /api/v1/events})
 * at a fixed rate for a bounded time, and for a sample of events measures the time from the collector's
 * 202 to the tag they cause being visible in {@code GET /api/v1/profile/me}: collector → Kafka → Flink
 * → tags topic → profile-service → PostgreSQL → gateway.
 *
 * <p>Load: batches of {@code --batch} behaviour events (views, searches, cart changes, orders) of one
 * shopper each, from a pool of {@code --users} shoppers, event time = now. Probes: {@code
 * --probes-per-second} times a second a shopper never seen before places an order; the probe succeeds
 * when their profile shows {@code orders_30d}, polled every {@code --poll-interval}, so a latency is
 * at most one interval high. A batch that cannot be sent because {@code --max-in-flight} requests are
 * still waiting is counted as skipped: the platform did not keep up with the rate.
 *
 * <p>Tokens are HS256 JWTs signed with {@code FRESHLOOP_JWT_SECRET} (environment, else
 * {@code --secrets}, default {@code .freshloop/secrets.env}). The gateway's rate limits must allow the
 * load and the polling from one address (gateway {@code RATE_LIMIT_IP_PER_SECOND}, {@code
 * RATE_LIMIT_IP_BURST}; the per-user limits apply per shopper).
 *
 * <pre>
 * java -cp stream-jobs/target/stream-jobs-0.1.0-SNAPSHOT.jar com.freshloop.streams.bench.TagLatencyBenchmark \
 *      [--rate 2000] [--duration 60s] [--warmup 10s] [--batch 100] [--users 2000] [--probes-per-second 5]
 * </pre>
 */
public final class TagLatencyBenchmark {

    private static final String[] CATEGORIES = {
        "dairy", "organic", "imported_fruit", "vegetables", "bakery", "meat", "seafood", "snacks", "drinks", "eggs"
    };
    private static final String[] REGIONS = {"sh-pudong", "sh-xuhui", "bj-chaoyang", "gz-tianhe", "hz-xihu"};
    private static final String PROBE_TAG = "orders_30d";

    private final Options options;
    private final String secret;
    private final HttpClient http;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private final LongAdder acceptedEvents = new LongAdder();
    private final LongAdder duplicateEvents = new LongAdder();
    private final LongAdder batchesSent = new LongAdder();
    private final LongAdder batchesRejected = new LongAdder();
    private final LongAdder batchesFailed = new LongAdder();
    private final LongAdder batchesSkipped = new LongAdder();
    private final Map<Integer, String> lastFailure = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> probeLatencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> batchLatencies = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> profileReads = new ConcurrentLinkedQueue<>();
    private final LongAdder probesTimedOut = new LongAdder();
    private final LongAdder probesFailed = new LongAdder();
    private final AtomicLong nextUser = new AtomicLong();
    private final AtomicLong nextProbe = new AtomicLong();

    private volatile boolean measuring;

    TagLatencyBenchmark(Options options, String secret) {
        this.options = options;
        this.secret = secret;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4, daemon("http")))
                .build();
    }

    /**
     * The benchmark's settings.
     *
     * @param gateway base URL of the gateway
     * @param profile base URL the probes read {@code /api/v1/profile/me} from: the gateway, or
     *     profile-service itself to leave the gateway's queueing out of the tag latency
     * @param rate target events per second
     * @param duration how long to measure, after the warm-up
     * @param warmup how long to drive load before measuring
     * @param batch events per request
     * @param users shoppers in the load pool
     * @param probesPerSecond latency samples per second
     * @param pollInterval how often a probe reads the profile
     * @param probeTimeout a probe whose tag has not appeared after this long counts as timed out
     * @param maxInFlight requests allowed to wait for a response at once
     */
    record Options(
            URI gateway,
            URI profile,
            int rate,
            Duration duration,
            Duration warmup,
            int batch,
            int users,
            double probesPerSecond,
            Duration pollInterval,
            Duration probeTimeout,
            int maxInFlight) {

        static Options fromArgs(String... args) {
            ParameterTool params = ParameterTool.fromArgs(args);
            String gateway = params.get("gateway", "http://localhost:8080");
            return new Options(
                    URI.create(gateway),
                    URI.create(params.get("profile", gateway)),
                    params.getInt("rate", 2_000),
                    TimeUtils.parseDuration(params.get("duration", "60s")),
                    TimeUtils.parseDuration(params.get("warmup", "10s")),
                    params.getInt("batch", 100),
                    params.getInt("users", 2_000),
                    params.getDouble("probes-per-second", 5),
                    TimeUtils.parseDuration(params.get("poll-interval", "50ms")),
                    TimeUtils.parseDuration(params.get("probe-timeout", "30s")),
                    params.getInt("max-in-flight", 64));
        }
    }

    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        if (params.has("help")) {
            System.out.println(
                    "usage: TagLatencyBenchmark [--gateway http://localhost:8080] [--rate 2000] [--duration 60s]"
                            + " [--warmup 10s] [--batch 100] [--users 2000] [--probes-per-second 5] [--poll-interval 50ms]"
                            + " [--probe-timeout 30s] [--max-in-flight 64] [--secrets .freshloop/secrets.env]");
            return;
        }
        Options options = Options.fromArgs(args);
        String secret = secret(Path.of(params.get("secrets", ".freshloop/secrets.env")));
        boolean ok = new TagLatencyBenchmark(options, secret).run();
        System.exit(ok ? 0 : 1);
    }

    /** Reads the JWT secret from the environment or the secrets file. */
    static String secret(Path secrets) throws IOException {
        String fromEnvironment = System.getenv("FRESHLOOP_JWT_SECRET");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        if (!Files.exists(secrets)) {
            throw new IllegalStateException("FRESHLOOP_JWT_SECRET is not set and " + secrets + " does not exist");
        }
        for (String line : Files.readAllLines(secrets)) {
            if (line.startsWith("FRESHLOOP_JWT_SECRET=")) {
                return line.substring("FRESHLOOP_JWT_SECRET=".length()).strip();
            }
        }
        throw new IllegalStateException("no FRESHLOOP_JWT_SECRET in " + secrets);
    }

    boolean run() throws Exception {
        List<String> tokens = new ArrayList<>(options.users());
        for (int i = 0; i < options.users(); i++) {
            tokens.add(token(loadUser(i)));
        }
        System.out.printf(
                Locale.ROOT,
                "tag latency benchmark %s: %d events/s in batches of %d from %d shoppers, %s warm-up + %s measured,"
                        + " %.1f probes/s polled every %d ms, against %s (profile read from %s)%n",
                runId,
                options.rate(),
                options.batch(),
                options.users(),
                options.warmup(),
                options.duration(),
                options.probesPerSecond(),
                options.pollInterval().toMillis(),
                options.gateway(),
                options.profile());
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, daemon("clock"));
        ExecutorService probes = Executors.newCachedThreadPool(daemon("probe"));
        Semaphore inFlight = new Semaphore(options.maxInFlight());
        long periodNanos = Math.max(1, Math.round(1e9 * options.batch() / options.rate()));
        clock.scheduleAtFixedRate(() -> sendBatch(tokens, inFlight), 0, periodNanos, TimeUnit.NANOSECONDS);
        long probePeriod = Math.max(1, Math.round(1e9 / options.probesPerSecond()));
        clock.scheduleAtFixedRate(
                () -> {
                    if (measuring) {
                        probes.execute(this::probe);
                    }
                },
                options.warmup().toNanos(),
                probePeriod,
                TimeUnit.NANOSECONDS);

        Thread.sleep(options.warmup().toMillis());
        reset();
        measuring = true;
        long start = System.nanoTime();
        List<Long> perSecond = new ArrayList<>();
        long previous = 0;
        for (long second = 1; second <= options.duration().toSeconds(); second++) {
            Thread.sleep(Math.max(0, start / 1_000_000 + second * 1000 - System.nanoTime() / 1_000_000));
            long now = acceptedEvents.sum();
            perSecond.add(now - previous);
            previous = now;
        }
        measuring = false;
        double elapsed = (System.nanoTime() - start) / 1e9;
        clock.shutdownNow();
        long accepted = acceptedEvents.sum();
        System.out.println("load stopped; waiting for the last probes (at most " + options.probeTimeout() + ")");
        probes.shutdown();
        probes.awaitTermination(options.probeTimeout().toSeconds() + 5, TimeUnit.SECONDS);
        report(accepted, elapsed, perSecond);
        return !probeLatencies.isEmpty();
    }

    private void reset() {
        acceptedEvents.reset();
        duplicateEvents.reset();
        batchesSent.reset();
        batchesRejected.reset();
        batchesFailed.reset();
        batchesSkipped.reset();
        batchLatencies.clear();
    }

    private void sendBatch(List<String> tokens, Semaphore inFlight) {
        if (!inFlight.tryAcquire()) {
            batchesSkipped.increment();
            return;
        }
        int index = (int) (nextUser.getAndIncrement() % tokens.size());
        String body = batch(loadUser(index), options.batch());
        batchesSent.increment();
        long sent = System.nanoTime();
        http.sendAsync(post(tokens.get(index), body), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> {
                    inFlight.release();
                    if (measuring) {
                        batchLatencies.add((System.nanoTime() - sent) / 1_000_000);
                    }
                    if (error != null) {
                        batchesFailed.increment();
                        lastFailure.put(0, error.toString());
                    } else if (response.statusCode() == 202) {
                        acceptedEvents.add(count(response.body(), "accepted"));
                        duplicateEvents.add(count(response.body(), "duplicates"));
                    } else if (response.statusCode() == 429) {
                        batchesRejected.increment();
                    } else {
                        batchesFailed.increment();
                        lastFailure.put(response.statusCode(), response.body());
                    }
                });
    }

    /** One probe: a new shopper orders; how long after the 202 does the profile show {@code orders_30d}? */
    private void probe() {
        String user = "bench-" + runId + "-p" + nextProbe.incrementAndGet();
        String token = token(user);
        try {
            long sent = System.nanoTime();
            HttpResponse<String> response =
                    http.send(post(token, "{\"events\":[" + order(user) + "]}"), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                probesFailed.increment();
                lastFailure.put(response.statusCode(), response.body());
                return;
            }
            long accepted = System.nanoTime();
            HttpRequest me = HttpRequest.newBuilder(options.profile().resolve("/api/v1/profile/me"))
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            long deadline = accepted + options.probeTimeout().toNanos();
            while (System.nanoTime() < deadline) {
                long read = System.nanoTime();
                HttpResponse<String> profile = http.send(me, HttpResponse.BodyHandlers.ofString());
                profileReads.add((System.nanoTime() - read) / 1_000_000);
                if (profile.statusCode() == 200 && profile.body().contains("\"tag\":\"" + PROBE_TAG + "\"")) {
                    long visible = System.nanoTime();
                    probeLatencies.add(new long[] {sent, (visible - accepted) / 1_000_000});
                    return;
                }
                Thread.sleep(options.pollInterval().toMillis());
            }
            probesTimedOut.increment();
        } catch (IOException e) {
            probesFailed.increment();
            lastFailure.put(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report(long accepted, double elapsed, List<Long> perSecond) {
        List<Long> latencies =
                probeLatencies.stream().map(sample -> sample[1]).sorted().toList();
        long slowestSecond = perSecond.stream().mapToLong(Long::longValue).min().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "collector: %d events accepted in %.1f s = %.0f events/s sustained (target %d; slowest second %d),"
                        + " %d duplicates, %d batches sent, %d rejected with 429, %d failed, %d skipped (client at"
                        + " --max-in-flight)%n",
                accepted,
                elapsed,
                accepted / elapsed,
                options.rate(),
                slowestSecond,
                duplicateEvents.sum(),
                batchesSent.sum(),
                batchesRejected.sum(),
                batchesFailed.sum(),
                batchesSkipped.sum());
        List<Long> batches = batchLatencies.stream().sorted().toList();
        List<Long> reads = profileReads.stream().sorted().toList();
        System.out.printf(
                Locale.ROOT,
                "response times: collector batch p50 %s ms, p99 %s ms; GET /api/v1/profile/me p50 %s ms, p99 %s ms%n",
                percentile(batches, 0.50),
                percentile(batches, 0.99),
                percentile(reads, 0.50),
                percentile(reads, 0.99));
        System.out.printf(
                Locale.ROOT,
                "probes: %d tagged, %d timed out (> %s), %d failed; 202 -> tag visible in /api/v1/profile/me:"
                        + " p50 %s ms, p90 %s ms, p99 %s ms, max %s ms%n",
                latencies.size(),
                probesTimedOut.sum(),
                options.probeTimeout(),
                probesFailed.sum(),
                percentile(latencies, 0.50),
                percentile(latencies, 0.90),
                percentile(latencies, 0.99),
                latencies.isEmpty() ? "-" : latencies.get(latencies.size() - 1));
        // The trend tells a backlog (latency growing through the run) from noise.
        long first =
                probeLatencies.stream().mapToLong(sample -> sample[0]).min().orElse(0);
        Map<Long, List<Long>> byTenSeconds = new TreeMap<>();
        probeLatencies.forEach(sample -> byTenSeconds
                .computeIfAbsent((sample[0] - first) / 10_000_000_000L, k -> new ArrayList<>())
                .add(sample[1]));
        StringBuilder trend = new StringBuilder("p50 by 10 s of the run:");
        byTenSeconds.forEach((bucket, values) -> {
            values.sort(null);
            trend.append(' ').append(percentile(values, 0.5));
        });
        System.out.println(trend);
        lastFailure.forEach((status, body) ->
                System.out.println("last failure " + status + ": " + body.substring(0, Math.min(300, body.length()))));
    }

    private static String percentile(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return Long.toString(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    private HttpRequest post(String token, String body) {
        return HttpRequest.newBuilder(options.gateway().resolve("/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private String loadUser(int index) {
        return "bench-u" + index;
    }

    /** A batch of one shopper's events: mostly views, some searches and cart changes, a few orders. */
    static String batch(String user, int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder json = new StringBuilder(size * 160).append("{\"events\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            String sku = category + "-" + random.nextInt(50);
            int kind = random.nextInt(100);
            if (kind < 60) {
                event(json, "page.viewed", "{\"page\":\"category\",\"category\":\"" + category + "\"}");
            } else if (kind < 70) {
                event(json, "search.performed", "{\"keyword\":\"" + category + "\",\"resultCount\":12}");
            } else if (kind < 92) {
                event(
                        json,
                        "cart.item_added",
                        "{\"sku\":\"" + sku + "\",\"category\":\"" + category + "\",\"quantity\":1,\"unitPrice\":9.9}");
            } else if (kind < 98) {
                event(json, "cart.item_removed", "{\"sku\":\"" + sku + "\",\"quantity\":1}");
            } else {
                json.append(order(user));
            }
        }
        return json.append("]}").toString();
    }

    private static String order(String user) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        String sku = category + "-" + random.nextInt(50);
        String region = REGIONS[Math.floorMod(user.hashCode(), REGIONS.length)];
        StringBuilder json = new StringBuilder(400);
        event(
                json,
                "order.placed",
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"region\":\"" + region + "\",\"lines\":[{\"sku\":\"" + sku
                        + "\",\"name\":\"" + sku + "\",\"category\":\"" + category
                        + "\",\"quantity\":2,\"unitPrice\":12.5}],\"subtotal\":25.0,\"discount\":0,\"total\":25.0,"
                        + "\"paymentMethod\":\"wechat\"}");
        return json.toString();
    }

    private static void event(StringBuilder json, String type, String data) {
        json.append("{\"id\":\"")
                .append(UUID.randomUUID())
                .append("\",\"type\":\"")
                .append(type)
                .append("\",\"time\":\"")
                .append(Instant.now())
                .append("\",\"data\":")
                .append(data)
                .append('}');
    }

    /** An HS256 shopper token, as the platform's services verify it. */
    String token(String user) {
        long now = Instant.now().getEpochSecond();
        String header = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        String claims = base64("{\"sub\":\"" + user + "\",\"roles\":[\"shopper\"],\"iss\":\"freshloop-local\",\"iat\":"
                + now + ",\"exp\":" + (now + 12 * 3600) + "}");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8));
            return header + "." + claims + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static long count(String body, String field) {
        int at = body.indexOf("\"" + field + "\":");
        if (at < 0) {
            return 0;
        }
        int from = at + field.length() + 3;
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return to > from ? Long.parseLong(body.substring(from, to)) : 0;
    }

    private static ThreadFactory daemon(String name) {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
