package com.freshloop.recommendation.bench;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.starter.kafka.EnvelopeSerializer;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./freshloop bench recommendations [--url URL] [--rate N] [--seconds N] [--warmup N]
 * [--seed groceries|none] [--shoppers groceries|synthetic] [--kafka HOST:PORT] [--context home|cart|product:SKU]}.
 *
 * <p>Measures GET /api/v1/recommendations/me at the service itself (not through the gateway) at a fixed
 * arrival rate for a bounded time. Open loop: requests are scheduled at the rate whatever the responses
 * do, and each latency is measured from its scheduled time, so a stall shows up in the percentiles
 * instead of silently lowering the load (no coordinated omission). With {@code --seed groceries} it
 * first replays the Groceries data set as order events (members become shoppers, dates are shifted to
 * end today), asks the service to train, and then queries those shoppers, so the lists served are the
 * model's. Tokens are signed with FRESHLOOP_JWT_SECRET like the gateway's.
 */
public final class ServingBenchmark {

    private static final DateTimeFormatter GROCERIES_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ServingBenchmark() {}

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8082");
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String context = options.getOrDefault("context", "home");
        String secret = options.getOrDefault("secret", System.getenv().getOrDefault("FRESHLOOP_JWT_SECRET", ""));
        if (secret.isBlank()) {
            throw new IllegalArgumentException("set FRESHLOOP_JWT_SECRET (or --secret) to the service's JWT secret");
        }
        HttpClient client = HttpClient.newBuilder()
                .executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(2))
                .build();

        List<String> users = new ArrayList<>();
        Path datasets = Path.of(System.getProperty(
                "freshloop.datasets", System.getenv().getOrDefault("FRESHLOOP_DATASETS", "../shared/datasets")));
        Path groceries = datasets.resolve("groceries/Groceries_dataset.csv");
        if (options.getOrDefault("seed", "groceries").equals("groceries")) {
            users = seed(groceries, options.getOrDefault("kafka", "localhost:9092"), client, url, secret);
        } else if (options.getOrDefault("shoppers", "groceries").equals("groceries") && Files.exists(groceries)) {
            // seeded by an earlier run: query the same shoppers
            users = new ArrayList<>(baskets(groceries).keySet());
        }
        if (users.isEmpty()) {
            for (int i = 0; i < 2_000; i++) {
                users.add("bench-" + i);
            }
        }
        List<String> tokens = new ArrayList<>(users.size());
        for (String user : users) {
            tokens.add(token(secret, user, "shopper"));
        }
        String path = "/api/v1/recommendations/me?limit=10&context=" + context;
        System.out.printf(
                Locale.ROOT,
                "GET %s%s for %d shoppers at %d/s: %d s warm-up, %d s measured%n",
                url,
                path,
                users.size(),
                rate,
                warmup,
                seconds);
        run(client, url + path, tokens, rate, warmup, false);
        double[] before = serverMetrics(client, url);
        Result result = run(client, url + path, tokens, rate, seconds, true);
        double[] after = serverMetrics(client, url);
        System.out.println(result.describe(rate));
        double handled = after[1] - before[1];
        if (handled > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "service side: %.2f ms mean handling time, %.2f ms CPU per request (all service threads)%n",
                    (after[2] - before[2]) * 1000 / handled,
                    (after[0] - before[0]) / 1e6 / handled);
        }
        System.exit(0);
    }

    /** What one measured phase produced. */
    record Result(long scheduled, long ok, long errors, long fallbacks, double seconds, long[] latenciesMicros) {

        String describe(int rate) {
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            return String.format(
                    Locale.ROOT,
                    "target %d/s, achieved %.0f/s; %d requests, %d ok, %d errors, %d fallbacks%n"
                            + "latency from scheduled start (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
                    rate,
                    ok / seconds,
                    scheduled,
                    ok,
                    errors,
                    fallbacks,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.90),
                    percentile(sorted, 0.99),
                    percentile(sorted, 0.999),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
        }

        private static double percentile(long[] sorted, double q) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
        }
    }

    static Result run(HttpClient client, String uri, List<String> tokens, int rate, int seconds, boolean record)
            throws InterruptedException {
        long total = (long) rate * seconds;
        long[] latencies = new long[(int) Math.min(total, Integer.MAX_VALUE - 8)];
        AtomicInteger recorded = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong fallbacks = new AtomicLong();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + tokens.get((int) (i % tokens.size())))
                    .GET()
                    .build();
            CompletableFuture<?> future = client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long micros = (System.nanoTime() - scheduled) / 1_000;
                        if (failure == null && response.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (response.body().contains("\"fallback\":true")) {
                                fallbacks.incrementAndGet();
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                        if (record) {
                            int at = recorded.getAndIncrement();
                            if (at < latencies.length) {
                                latencies[at] = micros;
                            }
                        }
                        return null;
                    });
            if (i % 1_000 == 0) {
                pending.removeIf(CompletableFuture::isDone);
            }
            pending.add(future);
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                total,
                ok.get(),
                errors.get(),
                fallbacks.get(),
                elapsed,
                Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length)));
    }

    /** Replays Groceries as orders, trains the model and returns the shoppers. */
    static List<String> seed(Path csv, String kafka, HttpClient client, String url, String secret)
            throws IOException, InterruptedException {
        if (!Files.exists(csv)) {
            System.out.println("no data set at " + csv + ": querying cold shoppers");
            return List.of();
        }
        Map<String, TreeMap<LocalDate, TreeSet<String>>> baskets = baskets(csv);
        LocalDate last = LocalDate.MIN;
        for (TreeMap<LocalDate, TreeSet<String>> member : baskets.values()) {
            last = member.lastKey().isAfter(last) ? member.lastKey() : last;
        }
        long shift = LocalDate.now(ZoneOffset.UTC).toEpochDay() - 1 - last.toEpochDay();
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int orders = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, Object> producer =
                new KafkaProducer<>(config, new StringSerializer(), new EnvelopeSerializer())) {
            for (Map.Entry<String, TreeMap<LocalDate, TreeSet<String>>> member : baskets.entrySet()) {
                for (Map.Entry<LocalDate, TreeSet<String>> basket :
                        member.getValue().entrySet()) {
                    List<OrderPlaced.Line> lines = new ArrayList<>();
                    for (String item : basket.getValue()) {
                        lines.add(new OrderPlaced.Line(
                                item.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                                item,
                                "grocery",
                                1,
                                new BigDecimal("4.50")));
                    }
                    BigDecimal total = new BigDecimal("4.50").multiply(BigDecimal.valueOf(lines.size()));
                    Instant at = basket.getKey().plusDays(shift).atTime(10, 0).toInstant(ZoneOffset.UTC);
                    EventEnvelope<OrderPlaced> event = EventEnvelope.of(
                            "bench",
                            member.getKey(),
                            at,
                            new OrderPlaced(
                                    "bench-" + run + "-" + orders,
                                    "sh-pudong",
                                    lines,
                                    total,
                                    BigDecimal.ZERO,
                                    total,
                                    "wechat",
                                    null));
                    producer.send(new ProducerRecord<>(Topics.BEHAVIOUR, member.getKey(), event));
                    orders++;
                }
            }
            producer.flush();
        }
        System.out.printf(
                Locale.ROOT,
                "seeded %d Groceries orders of %d shoppers in %.1f s%n",
                orders,
                baskets.size(),
                (System.nanoTime() - t0) / 1e9);
        String operator = token(secret, "bench", "operator");
        awaitConsumed(client, url, operator);
        long t1 = System.nanoTime();
        HttpResponse<String> started = client.send(
                HttpRequest.newBuilder(URI.create(url + "/admin/v1/recommendations/model/train"))
                        .timeout(Duration.ofMinutes(1))
                        .header("Authorization", "Bearer " + operator)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        // training runs in the background: poll the run until it is no longer running
        String runId = JSON.readTree(started.body()).path("id").asString();
        String trained = started.body();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (trained.contains("\"status\":\"running\"") && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            trained = client.send(
                            HttpRequest.newBuilder(
                                            URI.create(url + "/admin/v1/recommendations/model/train/runs/" + runId))
                                    .header("Authorization", "Bearer " + operator)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }
        System.out.printf(Locale.ROOT, "trained in %.1f s: %s%n", (System.nanoTime() - t1) / 1e9, trained);
        return new ArrayList<>(baskets.keySet());
    }

    /** The service's process CPU nanoseconds, and count and total seconds of 200 responses of the endpoint. */
    static double[] serverMetrics(HttpClient client, String url) {
        double[] metrics = new double[3];
        try {
            String text = client.send(
                            HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            for (String line : text.split("\n")) {
                if (line.startsWith("process_cpu_time_ns_total ")) {
                    metrics[0] = Double.parseDouble(line.substring(line.indexOf(' ') + 1));
                } else if (line.contains("uri=\"/api/v1/recommendations/me\"") && line.contains("status=\"200\"")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (line.startsWith("http_server_requests_seconds_count")) {
                        metrics[1] += value;
                    } else if (line.startsWith("http_server_requests_seconds_sum")) {
                        metrics[2] += value;
                    }
                }
            }
        } catch (IOException e) {
            System.out.println("no metrics from " + url + "/actuator/prometheus: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return metrics;
    }

    /** Groceries baskets by shopper ("g-" + member number) and date. */
    static Map<String, TreeMap<LocalDate, TreeSet<String>>> baskets(Path csv) throws IOException {
        Map<String, TreeMap<LocalDate, TreeSet<String>>> baskets = new TreeMap<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                String[] cells = line.split(",", 3);
                if (cells.length < 3) {
                    continue;
                }
                LocalDate date = LocalDate.parse(cells[1].trim(), GROCERIES_DATE);
                baskets.computeIfAbsent("g-" + cells[0].trim(), m -> new TreeMap<>())
                        .computeIfAbsent(date, d -> new TreeSet<>())
                        .add(cells[2].trim());
            }
        }
        return baskets;
    }

    /** Waits until the service's order counts stop moving: its consumer has caught up. */
    static void awaitConsumed(HttpClient client, String url, String operator) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String previous = "";
        int stable = 0;
        while (stable < 3 && System.nanoTime() - t0 < Duration.ofMinutes(30).toNanos()) {
            Thread.sleep(3_000);
            String body = client.send(
                            HttpRequest.newBuilder(URI.create(url + "/admin/v1/recommendations/popular?limit=100"))
                                    .header("Authorization", "Bearer " + operator)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            stable = body.equals(previous) ? stable + 1 : 0;
            previous = body;
        }
        System.out.printf(Locale.ROOT, "the service consumed the orders in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    static String token(String secret, String subject, String role) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(String.format(
                        Locale.ROOT,
                        "{\"sub\":\"%s\",\"roles\":[\"%s\"],\"iss\":\"freshloop-local\",\"iat\":%d,\"exp\":%d}",
                        subject,
                        role,
                        now,
                        now + 3_600)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature =
                    encoder.encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.UTF_8)));
            return header + "." + payload + "." + signature;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
