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
 * {@code ./freshloop bench gateway [--path P] [--direct URL] [--gateway URL] [--seconds N] [--clients N]
 * [--rate R] [--warmup N]}: the same request, with the same token, sent straight to the owning service
 * and through the gateway, one after the other in one run, after a warm-up of N seconds each (default
 * 30: the gateway runs the optimising JIT compiler, which needs tens of thousands of requests before
 * its hot paths are compiled; a 5 s warm-up measured the compiler). Two measurements, because they answer
 * different questions:
 *
 * <ul>
 *   <li><b>Throughput</b>: closed loop at saturation (N clients, each sending its next request when the
 *       last one returns). Reports requests/s of both and the share the gateway keeps. Latency at
 *       saturation is queueing (N / throughput), so it is printed but is not the overhead.
 *   <li><b>Latency overhead</b>: open loop at a fixed arrival rate R well below saturation (requests are
 *       sent on a schedule whether or not earlier ones returned, and each latency is measured from its
 *       scheduled time, so a stall is not hidden by coordinated omission). Reports p50/p99/p99.9 of both
 *       and what the gateway adds.
 * </ul>
 *
 * Noisy on a shared machine: compare the ratios, not the absolutes.
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
        int rate = Integer.parseInt(option(args, "--rate", "100"));
        int warmup = Integer.parseInt(option(args, "--warmup", "30"));
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
                "gateway benchmark: GET %s; throughput: %d closed-loop clients, latency: open loop at %d req/s;"
                        + " %d s each after a %d s warm-up%n",
                path,
                clients,
                rate,
                seconds,
                warmup);
        run(http, "warm-up direct", direct + path, token, clients, warmup);
        run(http, "warm-up gateway", gateway + path, token, clients, warmup);
        Result d = run(http, "direct", direct + path, token, clients, seconds);
        Result g = run(http, "gateway", gateway + path, token, clients, seconds);
        table("closed loop", d, g);
        System.out.printf(
                Locale.ROOT,
                "throughput (closed loop, %d clients): gateway keeps %.0f %% of direct%n",
                clients,
                100 * g.throughput() / d.throughput());

        Result dl = paced(http, "direct", direct + path, token, rate, seconds);
        Result gl = paced(http, "gateway", gateway + path, token, rate, seconds);
        table("open loop", dl, gl);
        System.out.printf(
                Locale.ROOT,
                "latency (open loop, %d req/s): the gateway adds p50 %.2f ms, p99 %.2f ms%n",
                rate,
                gl.percentileMillis(50) - dl.percentileMillis(50),
                gl.percentileMillis(99) - dl.percentileMillis(99));
    }

    private static void table(String heading, Result... results) {
        System.out.printf(
                Locale.ROOT,
                "%-11s %10s %9s %9s %9s %9s %7s%n",
                heading,
                "req/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "requests",
                "errors");
        for (Result r : results) {
            System.out.printf(
                    Locale.ROOT,
                    "%-11s %10.0f %9.2f %9.2f %9.2f %9d %7d%n",
                    r.name(),
                    r.throughput(),
                    r.percentileMillis(50),
                    r.percentileMillis(99),
                    r.percentileMillis(99.9),
                    r.requests(),
                    r.errors());
        }
    }

    /**
     * Open loop: request i is due at start + i / rate and is sent then (from a scheduler thread, with
     * the client's asynchronous API, so a slow response does not delay the next request); its latency
     * runs from the due time to the response.
     */
    static Result paced(HttpClient http, String name, String url, String token, int rate, int seconds)
            throws InterruptedException {
        HttpRequest request = get(url, token);
        int total = rate * seconds;
        long[] latencies = new long[total];
        java.util.Arrays.fill(latencies, -1);
        LongAdder errors = new LongAdder();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(total);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            int index = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[index] = (System.nanoTime() - due) / 1_000;
                if (failure != null || response.statusCode() != 200) {
                    errors.increment();
                }
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        // requests still unanswered after the wait count as errors
        return new Result(name, all.length, errors.sum() + (total - all.length), elapsed, all);
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    static Result run(HttpClient http, String name, String url, String token, int clients, int seconds)
            throws InterruptedException {
        HttpRequest request = get(url, token);
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
