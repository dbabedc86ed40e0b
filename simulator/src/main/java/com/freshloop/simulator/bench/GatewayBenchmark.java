package com.freshloop.simulator.bench;

import com.freshloop.simulator.Jwt;
import com.freshloop.simulator.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./freshloop bench gateway [--path P] [--direct URL] [--gateway URL] [--seconds N] [--clients N]}:
 * the same request, with the same token, sent straight to the owning service and through the
 * gateway, one after the other in one run with the same closed-loop load (N clients, each sending
 * its next request when the last one returns), after a warm-up. Reports throughput and p50/p99 of
 * both and the gateway's overhead. Noisy on a shared machine: compare the ratio, not the absolute.
 */
public final class GatewayBenchmark {

    private GatewayBenchmark() {}

    /** Throughput and latency of one target. */
    record Result(String name, long requests, long errors, double seconds, long[] latenciesMicros) {
        double throughput() {
            return requests / seconds;
        }

        double percentileMillis(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesMicros.length) - 1;
            return latenciesMicros[Math.max(0, Math.min(latenciesMicros.length - 1, index))] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        String path = option(args, "--path", "/api/v1/profile/me");
        String direct = option(args, "--direct", "http://localhost:8081");
        String gateway = option(args, "--gateway", "http://localhost:8080");
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int clients = Integer.parseInt(option(args, "--clients", "8"));
        String secret =
                Secrets.jwtSecret(System.getenv(), java.nio.file.Path.of("").toAbsolutePath());
        java.time.Instant now = java.time.Instant.now();
        String token = Jwt.sign("bench-user", java.util.List.of("shopper"), secret, now, now.plus(Duration.ofHours(1)));

        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        System.out.printf(
                Locale.ROOT,
                "gateway benchmark: GET %s, %d clients, %d s each after a 5 s warm-up%n",
                path,
                clients,
                seconds);
        run(http, "warm-up direct", direct + path, token, clients, 5);
        run(http, "warm-up gateway", gateway + path, token, clients, 5);
        Result d = run(http, "direct", direct + path, token, clients, seconds);
        Result g = run(http, "gateway", gateway + path, token, clients, seconds);
        System.out.printf(
                Locale.ROOT,
                "%-10s %10s %9s %9s %9s %7s%n",
                "target",
                "req/s",
                "p50 ms",
                "p99 ms",
                "requests",
                "errors");
        for (Result r : new Result[] {d, g}) {
            System.out.printf(
                    Locale.ROOT,
                    "%-10s %10.0f %9.2f %9.2f %9d %7d%n",
                    r.name(),
                    r.throughput(),
                    r.percentileMillis(50),
                    r.percentileMillis(99),
                    r.requests(),
                    r.errors());
        }
        System.out.printf(
                Locale.ROOT,
                "gateway/direct throughput %.0f %%, added latency p50 %.2f ms, p99 %.2f ms%n",
                100 * g.throughput() / d.throughput(),
                g.percentileMillis(50) - d.percentileMillis(50),
                g.percentileMillis(99) - d.percentileMillis(99));
    }

    static Result run(HttpClient http, String name, String url, String token, int clients, int seconds)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        LongAdder errors = new LongAdder();
        long[][] latencies = new long[clients][];
        AtomicLong started = new AtomicLong(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.increment();
                        }
                    } catch (Exception e) {
                        errors.increment();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = (System.nanoTime() - t0) / 1_000;
                }
                latencies[client] = Arrays.copyOf(mine, n);
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started.get()) / 1e9;
        long[] all = Arrays.stream(latencies)
                .filter(a -> a != null)
                .flatMapToLong(Arrays::stream)
                .sorted()
                .toArray();
        return new Result(name, all.length, errors.sum(), elapsed, all);
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
