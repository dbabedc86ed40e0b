package com.freshloop.simulator;

import java.nio.file.Path;

/**
 * Command-line options of the simulator.
 *
 * @param members replay only the first N members (0 = all)
 * @param weeks campaign weeks to simulate after the replay
 * @param synthetic generate shoppers instead of reading the data set
 * @param gateway the gateway's base URL
 * @param datasets the data-set root ({@code freshloop.datasets})
 * @param concurrency requests in flight
 * @param report where the JSON report goes
 * @param dashboard the dashboard URL to check and print
 * @param skipCampaign stop after the replay and the profile batch
 * @param rate requests per second at most (under the gateway's per-IP limit of 200/s)
 */
public record Options(
        int members,
        int weeks,
        boolean synthetic,
        String gateway,
        Path datasets,
        int concurrency,
        Path report,
        String dashboard,
        boolean skipCampaign,
        int rate,
        String cohort) {

    static final String USAGE = """
            usage: simulator [--members N] [--weeks N] [--synthetic] [--gateway URL] [--concurrency N]
                             [--rate N] [--report FILE] [--no-campaign] [--cohort PREFIX]
              --members N      replay only the first N members (default: all 3,898)
              --weeks N        simulated campaign weeks after the replay (default 4)
              --synthetic      generated shoppers calibrated on the data set's statistics (automatic when the
                               data set is missing; -Dfreshloop.datasets=DIR, default ../shared/datasets)
              --gateway URL    default http://localhost:8080 (or FRESHLOOP_GATEWAY_URL)
              --concurrency N  requests in flight (default 8)
              --rate N         requests per second at most (default 150, under the gateway's 200/s per IP)
              --report FILE    default .freshloop/demo-report.json under the repository root
              --no-campaign    only replay and score the profiles
              --cohort PREFIX  shopper id prefix (default: a new one per run, e.g. g7k3x-, so a repeated demo
                               replays new shoppers; reuse a prefix to replay the same ones, de-duplicated)
            """;

    static Options parse(String[] args, Path repoRoot) {
        int members = 0;
        int weeks = 4;
        boolean synthetic = false;
        boolean skipCampaign = false;
        String gateway = System.getenv().getOrDefault("FRESHLOOP_GATEWAY_URL", "http://localhost:8080");
        Path datasets = Path.of(System.getProperty(
                "freshloop.datasets",
                System.getenv()
                        .getOrDefault(
                                "FRESHLOOP_DATASETS",
                                repoRoot.resolve("../shared/datasets").toString())));
        int concurrency = 8;
        int rate = 150;
        Path report = repoRoot.resolve(".freshloop").resolve("demo-report.json");
        String dashboard = "http://localhost:8086/dashboard/";
        String cohort = "g" + Long.toString(System.currentTimeMillis() / 1000 % 60_466_176L, 36) + "-";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--members" -> members = positive(args, ++i);
                case "--weeks" -> weeks = positive(args, ++i);
                case "--synthetic" -> synthetic = true;
                case "--no-campaign" -> skipCampaign = true;
                case "--gateway" -> gateway = value(args, ++i);
                case "--concurrency" -> concurrency = positive(args, ++i);
                case "--rate" -> rate = positive(args, ++i);
                case "--report" -> report = Path.of(value(args, ++i));
                case "--dashboard" -> dashboard = value(args, ++i);
                case "--cohort" -> cohort = cohort(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new Options(
                members,
                weeks,
                synthetic,
                gateway,
                datasets,
                concurrency,
                report,
                dashboard,
                skipCampaign,
                rate,
                cohort);
    }

    private static String cohort(String prefix) {
        if (!prefix.matches("[A-Za-z0-9_.-]{1,20}")) {
            throw new IllegalArgumentException("--cohort must be 1 to 20 letters, digits, '_', '.' or '-'");
        }
        return prefix;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value for " + args[i - 1] + "\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
        }
        return n;
    }
}
