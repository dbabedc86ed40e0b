package com.freshloop.simulator;

import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shopper simulator (SIMULATED data): replays the Groceries data set (or synthetic shoppers) through the
 * gateway like the app, scores the profiles, lets the win-back campaign act, simulates the shoppers' responses
 * for some weeks and reports what came of it. Run {@code --help} for the options.
 */
public final class Simulator {

    static final int MAX_BATCH = 500;
    static final String LABEL = "SIMULATED";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Options options;
    private final String secret;
    private final GatewayClient gateway;
    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicReferenceString firstError = new AtomicReferenceString();

    Simulator(Options options, String secret, PrintStream out, Clock clock) {
        this.options = options;
        this.secret = secret;
        this.gateway = new GatewayClient(options.gateway(), options.rate());
        this.out = out;
        this.clock = clock;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(Options.USAGE);
            return;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path root = repoRoot(cwd);
        try {
            Options options = Options.parse(args, root);
            Basket.useCohort(options.cohort());
            String secret = Secrets.jwtSecret(System.getenv(), cwd);
            new Simulator(options, secret, System.out, Clock.systemUTC()).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("simulator: " + e.getMessage());
            System.exit(1);
        }
    }

    /** The nearest directory at or above {@code dir} holding {@code .freshloop} or the {@code freshloop} script. */
    static Path repoRoot(Path dir) {
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".freshloop")) || Files.isRegularFile(d.resolve("freshloop"))) {
                return d;
            }
        }
        return dir;
    }

    // --- tokens -----------------------------------------------------------------------------------------

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    String shopperToken(String userId) {
        return tokens.computeIfAbsent(userId, u -> {
            Instant now = clock.instant();
            return Jwt.sign(u, List.of("shopper"), secret, now, now.plus(Duration.ofHours(12)));
        });
    }

    String operatorToken() {
        return tokens.computeIfAbsent(" operator", u -> {
            Instant now = clock.instant();
            return Jwt.sign("simulator", List.of("operator"), secret, now, now.plus(Duration.ofHours(12)));
        });
    }

    // --- the run ----------------------------------------------------------------------------------------

    void run() {
        long started = System.nanoTime();
        out.println(LABEL + " shoppers: everything below is simulated data, not real customers.");
        report.put("label", LABEL + ": simulated shoppers, not real customers");
        Map<Integer, List<Basket>> baskets = load();
        DatasetStats stats = DatasetStats.of(baskets);
        TimeShift shift = TimeShift.mapping(stats.lastDay(), LocalDate.now(clock.withZone(TimeShift.ZONE)));
        report.put("members", baskets.size());
        report.put("cohort", options.cohort());
        report.put("baskets", baskets.values().stream().mapToInt(List::size).sum());
        report.put(
                "simulatedPeriod",
                Map.of(
                        "from",
                        shift.shift(stats.firstDay()).toString(),
                        "to",
                        shift.shift(stats.lastDay()).toString()));
        report.put("meanBasketSize", round(stats.meanBasketSize()));
        report.put(
                "categoryMix",
                stats.categoryMix().entrySet().stream()
                        .collect(Collectors.toMap(
                                Map.Entry::getKey, e -> round(e.getValue()), (a, b) -> a, LinkedHashMap::new)));

        preflight();
        Progress progress = replay(baskets, shift);
        report.put(
                "replay",
                Map.of(
                        "eventsSent", progress.events(),
                        "eventsRejected", rejected.get(),
                        "seconds", round(progress.seconds()),
                        "eventsPerSecond", round(progress.eventsPerSecond())));
        if (firstError.get() != null) {
            report.put("firstRejection", firstError.get());
        }

        scoreProfiles();
        settle("replay");
        report.put("segments", jsonOrNote(gateway.get("/admin/v1/profile/segments", operatorToken())));

        if (!options.skipCampaign()) {
            campaign(baskets, shift);
        }
        report.put("dashboard", dashboard());
        report.put("totalSeconds", round((System.nanoTime() - started) / 1e9));
        writeReport();
        printReport();
    }

    Map<Integer, List<Basket>> load() {
        Optional<Path> file = GroceriesDataset.locate(options.datasets());
        Map<Integer, List<Basket>> all;
        String source;
        if (!options.synthetic() && file.isPresent()) {
            try {
                all = GroceriesDataset.read(file.get());
                source = "groceries data set " + file.get().normalize();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.get() + ": " + e.getMessage());
            }
        } else {
            DatasetStats stats = DatasetStats.defaults();
            if (file.isPresent()) {
                try {
                    stats = DatasetStats.of(GroceriesDataset.read(file.get()));
                } catch (IOException e) {
                    // the documented defaults then
                }
            } else if (!options.synthetic()) {
                out.println(
                        "no data set at " + options.datasets() + ": using synthetic shoppers (documented defaults)");
            }
            int n = options.members() > 0 ? options.members() : 3898;
            all = SyntheticShoppers.generate(stats, n);
            source = "synthetic shoppers calibrated on " + (file.isPresent() ? "the data set" : "documented defaults");
        }
        report.put("source", source);
        if (options.members() > 0 && options.members() < all.size()) {
            Map<Integer, List<Basket>> first = new LinkedHashMap<>();
            all.entrySet().stream().limit(options.members()).forEach(e -> first.put(e.getKey(), e.getValue()));
            all = first;
        }
        out.println("source: " + source + ", " + all.size() + " members");
        return all;
    }

    /** Fails fast, with a hint, when the gateway is not there or does not accept our tokens. */
    void preflight() {
        GatewayClient.Response response;
        try {
            response = gateway.get("/api/v1/marketing/me/coupons", shopperToken("g-preflight"));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the gateway at " + options.gateway() + " is not reachable; start the"
                    + " platform with ./freshloop up (" + e.getMessage() + ")");
        }
        if (response.status() == 401 || response.status() == 403) {
            throw new IllegalStateException("the gateway refused the simulator's token (HTTP " + response.status()
                    + "): is FRESHLOOP_JWT_SECRET the platform's?");
        }
    }

    // --- replay -----------------------------------------------------------------------------------------

    /**
     * Posts the baskets in global time order, one window of {@link #WINDOW_DAYS} days after the other (members in
     * parallel within a window, each member's events in time order), so stream jobs see event time advance the
     * way it would in production and the progress line can show a meaningful simulated date.
     */
    Progress replay(Map<Integer, List<Basket>> baskets, TimeShift shift) {
        int total = baskets.values().stream().mapToInt(List::size).sum();
        Progress progress = new Progress(out, "replay  ", total);
        java.util.TreeMap<Long, List<List<Basket>>> windows = windows(baskets);
        for (Map.Entry<Long, List<List<Basket>>> window : windows.entrySet()) {
            forEachParallel(window.getValue(), memberBaskets -> {
                String user = Basket.userId(memberBaskets.get(0).member());
                List<SimEvent> events = new ArrayList<>();
                for (Basket basket : memberBaskets) {
                    events.addAll(ShopperEvents.basket(basket, shift));
                }
                events.sort(Comparator.comparing(SimEvent::instant));
                postInBatches(user, events, (sent, last) -> progress.advance(0, sent, null));
                LocalDate last = memberBaskets.get(memberBaskets.size() - 1).date();
                progress.advance(memberBaskets.size(), 0, shift.shift(last));
            });
        }
        progress.finish();
        return progress;
    }

    static final int WINDOW_DAYS = 28;

    /** Each member's baskets split by window (days since the epoch / {@link #WINDOW_DAYS}), windows in order. */
    static java.util.TreeMap<Long, List<List<Basket>>> windows(Map<Integer, List<Basket>> baskets) {
        java.util.TreeMap<Long, List<List<Basket>>> windows = new java.util.TreeMap<>();
        for (List<Basket> memberBaskets : baskets.values()) {
            Map<Long, List<Basket>> byWindow = memberBaskets.stream()
                    .collect(Collectors.groupingBy(
                            b -> b.date().toEpochDay() / WINDOW_DAYS, java.util.TreeMap::new, Collectors.toList()));
            byWindow.forEach((w, list) ->
                    windows.computeIfAbsent(w, k -> new ArrayList<>()).add(list));
        }
        return windows;
    }

    interface BatchListener {
        void sent(int events, Instant last);
    }

    void postInBatches(String user, List<SimEvent> events, BatchListener listener) {
        for (int from = 0; from < events.size(); from += MAX_BATCH) {
            List<SimEvent> batch = events.subList(from, Math.min(events.size(), from + MAX_BATCH));
            String body = JSON.writeValueAsString(Map.of("events", batch));
            GatewayClient.Response response = gateway.post("/api/v1/events", shopperToken(user), body);
            if (response.ok()) {
                listener.sent(batch.size(), batch.get(batch.size() - 1).instant());
            } else {
                rejected.addAndGet(batch.size());
                firstError.setIfAbsent(user + ": HTTP " + response.status() + " " + abbreviate(response.body()));
            }
        }
    }

    private ExecutorService pool;

    <T> void forEachParallel(List<T> items, Consumer<T> task) {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
                Thread thread = new Thread(r, "shopper");
                thread.setDaemon(true);
                return thread;
            });
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> task.accept(item)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    firstError.setIfAbsent(String.valueOf(e.getCause()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // --- after the replay -------------------------------------------------------------------------------

    void scoreProfiles() {
        out.println("scoring profiles: POST /admin/v1/profile/batch");
        GatewayClient.Response response =
                gateway.send("POST", "/admin/v1/profile/batch", operatorToken(), "{}", Duration.ofMinutes(1));
        if (response.status() != 202) {
            report.put("profileBatch", jsonOrNote(response));
            return;
        }
        // the batch runs in the background: poll the run until it finishes (at most 15 minutes)
        String runId = JSON.readTree(response.body()).path("id").asString();
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            response = gateway.get("/admin/v1/profile/batch/runs/" + runId, operatorToken());
            if (response.ok()
                    && !"running"
                            .equals(JSON.readTree(response.body())
                                    .path("status")
                                    .asString())) {
                break;
            }
            pause(Duration.ofSeconds(2));
        }
        report.put("profileBatch", jsonOrNote(response));
    }

    /** Waits until metrics-service's event count stops moving (two equal readings 3 s apart), at most 2 min. */
    void settle(String phase) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long previous = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            GatewayClient.Response response = gateway.get("/admin/v1/metrics/events/count", operatorToken());
            if (!response.ok()) {
                out.println("metrics count unavailable (HTTP " + response.status() + "); waiting 10 s instead");
                pause(Duration.ofSeconds(10));
                return;
            }
            long count = JSON.readTree(response.body()).path("count").asLong();
            out.print("\r" + LABEL + " settling after " + phase + ": " + String.format("%,d", count)
                    + " events counted ");
            stable = count == previous ? stable + 1 : 0;
            if (stable >= 2) {
                break;
            }
            previous = count;
            pause(Duration.ofSeconds(3));
        }
        out.println();
        report.put("eventsCountedAfter" + capitalize(phase), previous);
    }

    // --- the campaign -----------------------------------------------------------------------------------

    /** A coupon a shopper found in the app. */
    record Coupon(String id, String kind, BigDecimal threshold, BigDecimal value) {}

    record Outcome(String user, boolean treated, boolean repurchased, boolean usedCoupon, int orders) {}

    void campaign(Map<Integer, List<Basket>> baskets, TimeShift shift) {
        List<String> users = baskets.keySet().stream().map(Basket::userId).toList();
        Map<String, List<String>> usual = new LinkedHashMap<>();
        baskets.forEach((member, list) -> usual.put(Basket.userId(member), usualItems(list)));

        out.println("campaign: waiting for the win-back coupons (marketing-service reacts to the lifecycle changes)");
        Map<String, Coupon> coupons = awaitCoupons(users);
        Map<String, Object> campaign = new LinkedHashMap<>();
        report.put("winback", campaign);
        campaign.put("label", LABEL);
        campaign.put("responseModel", ResponseModel.DEFAULT);
        if (coupons == null) {
            campaign.put(
                    "note", "GET /api/v1/marketing/me/coupons is not available: every shopper is treated as control");
        }
        Map<String, Coupon> held = coupons == null ? Map.of() : coupons;
        AtomicInteger messages = new AtomicInteger();
        if (coupons != null) {
            forEachParallel(users.stream().filter(held::containsKey).toList(), user -> {
                GatewayClient.Response response = gateway.get("/api/v1/marketing/me/messages", shopperToken(user));
                if (response.ok()) {
                    JsonNode node = JSON.readTree(response.body());
                    JsonNode list = node.isArray() ? node : node.path("messages");
                    messages.addAndGet(list.size());
                }
            });
        }
        campaign.put("messagesSeenByTreatedShoppers", messages.get());

        restock(held.keySet(), usual);

        LocalDate start = shift.shift(baskets.values().stream()
                        .flatMap(List::stream)
                        .map(Basket::date)
                        .max(Comparator.naturalOrder())
                        .orElseThrow())
                .plusDays(1);
        Instant now = clock.instant();
        double weekDays = Math.min(
                7.0,
                Math.max(1.0, ChronoUnit.DAYS.between(start, LocalDate.now(clock.withZone(TimeShift.ZONE))) - 1)
                        / options.weeks());
        campaign.put(
                "window",
                Map.of("from", start.toString(), "weeks", options.weeks(), "daysPerSimulatedWeek", round(weekDays)));

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        Progress progress = new Progress(out, "campaign", users.size());
        ResponseModel model = ResponseModel.DEFAULT;
        forEachParallel(users, user -> {
            List<SimEvent> events = new ArrayList<>();
            Coupon coupon = held.get(user);
            boolean couponUsed = false;
            boolean returned = false;
            boolean repurchased30 = false;
            int orders = 0;
            for (int week = 0; week < options.weeks(); week++) {
                if (!model.orders(user, week, coupon != null && !couponUsed, returned)) {
                    continue;
                }
                double dayOffset = week * weekDays + model.dayOfWeek(user, week) * weekDays / 7.0;
                LocalDate day = start.plusDays((long) dayOffset);
                Instant t = day.atTime(TimeShift.preferredHour(user), 5)
                        .atZone(TimeShift.ZONE)
                        .toInstant();
                if (t.isAfter(now)) {
                    t = now.minusSeconds(600);
                }
                boolean useCoupon = coupon != null && !couponUsed && coupon.threshold() != null;
                List<OrderPlaced.Line> lines =
                        ResponseModel.basket(usual.get(user), useCoupon ? coupon.threshold() : null);
                String orderId = "sim-" + user + "-w" + (week + 1);
                events.addAll(orderEvents(user, orderId, t, lines, useCoupon ? coupon : null));
                couponUsed |= useCoupon;
                returned = true;
                orders++;
                repurchased30 |= ChronoUnit.DAYS.between(start, day) < 30;
            }
            if (!events.isEmpty()) {
                postInBatches(
                        user,
                        events,
                        (sent, last) -> progress.advance(0, sent, LocalDate.ofInstant(last, TimeShift.ZONE)));
            }
            outcomes.add(new Outcome(user, coupon != null, repurchased30, couponUsed, orders));
            progress.advance(1, 0, null);
        });
        progress.finish();
        settle("campaign");
        summarise(campaign, outcomes, held, start);
    }

    List<SimEvent> orderEvents(String user, String orderId, Instant t, List<OrderPlaced.Line> lines, Coupon coupon) {
        List<SimEvent> events = new ArrayList<>();
        OrderPlaced.Line first = lines.get(0);
        events.add(SimEvent.of(
                "page.viewed", t, new PageViewed("product", first.sku(), first.category()), orderId, "view"));
        for (int i = 0; i < lines.size(); i++) {
            OrderPlaced.Line line = lines.get(i);
            events.add(SimEvent.of(
                    "cart.item_added",
                    t.plusSeconds(30L * (i + 1)),
                    new CartItemAdded(line.sku(), line.category(), line.quantity(), line.unitPrice()),
                    orderId,
                    "cart",
                    i));
        }
        OrderPlaced order = ShopperEvents.order(
                orderId,
                user,
                lines,
                coupon == null ? null : coupon.id(),
                coupon == null || coupon.value() == null ? BigDecimal.ZERO : coupon.value());
        events.add(SimEvent.of("order.placed", t.plusSeconds(30L * (lines.size() + 2)), order, orderId, "order"));
        return events;
    }

    /** The member's three most bought items, most bought first. */
    static List<String> usualItems(List<Basket> baskets) {
        Map<String, Long> counts = baskets.stream()
                .flatMap(b -> b.items().stream())
                .collect(Collectors.groupingBy(i -> i, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Polls the coupons of a sample of shoppers until one holds a coupon and the count stops growing (or 120 s
     * pass); then reads every shopper's coupons. Null when the endpoint does not exist.
     */
    Map<String, Coupon> awaitCoupons(List<String> users) {
        List<String> sample = users.subList(0, Math.min(users.size(), 25));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int previous = -1;
        int stable = 0;
        while (System.nanoTime() < deadline) {
            int holding = 0;
            for (String user : sample) {
                GatewayClient.Response response = gateway.get("/api/v1/marketing/me/coupons", shopperToken(user));
                if (response.status() == 404 || response.status() == 405) {
                    out.println("no coupon API yet (HTTP " + response.status() + "): skipping the coupon discovery");
                    return null;
                }
                if (response.ok() && coupon(response.body()).isPresent()) {
                    holding++;
                }
            }
            out.print("\r" + LABEL + " " + holding + " of " + sample.size() + " sampled shoppers hold a coupon ");
            stable = holding > 0 && holding == previous ? stable + 1 : 0;
            if (stable >= 2) {
                break;
            }
            previous = holding;
            pause(Duration.ofSeconds(5));
        }
        out.println();
        Map<String, Coupon> coupons = new ConcurrentHashMap<>();
        forEachParallel(users, user -> {
            GatewayClient.Response response = gateway.get("/api/v1/marketing/me/coupons", shopperToken(user));
            if (response.ok()) {
                coupon(response.body()).ifPresent(c -> coupons.put(user, c));
            }
        });
        return coupons;
    }

    /** The best available coupon in a {@code /me/coupons} answer: a spend-and-save one if there is one. */
    static Optional<Coupon> coupon(String body) {
        JsonNode node = JSON.readTree(body);
        JsonNode list = node.isArray() ? node : node.path("coupons");
        Coupon best = null;
        for (JsonNode c : list) {
            if (!"available".equalsIgnoreCase(c.path("status").asString(""))) {
                continue;
            }
            Coupon coupon = new Coupon(
                    c.path("couponId").asString(c.path("id").asString("")),
                    c.path("kind").asString(""),
                    decimal(c.path("threshold")),
                    decimal(c.path("value")));
            if (best == null || ("spend_save".equals(coupon.kind()) && !"spend_save".equals(best.kind()))) {
                best = coupon;
            }
        }
        return Optional.ofNullable(best);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() || node.isString() ? new BigDecimal(node.asString()) : null;
    }

    /** Sets the treated shoppers' usual SKUs (the 10 most common) to 0 and then 200 units in their regions. */
    void restock(java.util.Set<String> treated, Map<String, List<String>> usual) {
        Map<String, Long> skus = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> regions = new LinkedHashMap<>();
        for (String user : treated) {
            for (String item : usual.getOrDefault(user, List.of())) {
                skus.merge(Catalog.sku(item), 1L, Long::sum);
                regions.computeIfAbsent(Catalog.sku(item), s -> new java.util.TreeSet<>())
                        .add(ShopperEvents.region(user));
            }
        }
        List<String> top = skus.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10)
                .map(Map.Entry::getKey)
                .toList();
        int restocked = 0;
        String problem = null;
        for (String sku : top) {
            for (String region : regions.get(sku)) {
                String path = "/admin/v1/supply/inventory/" + encode(sku) + "/" + encode(region);
                GatewayClient.Response empty = gateway.put(path, operatorToken(), "{\"onHand\":0}");
                GatewayClient.Response full = gateway.put(path, operatorToken(), "{\"onHand\":200}");
                if (empty.ok() && full.ok()) {
                    restocked++;
                } else if (problem == null) {
                    problem = "HTTP " + full.status() + " " + abbreviate(full.body());
                }
            }
        }
        Map<String, Object> restock = new LinkedHashMap<>();
        restock.put("skus", top);
        restock.put("skuRegionsRestocked", restocked);
        if (problem != null) {
            restock.put("problem", problem);
        }
        report.put("restock", restock);
        out.println("restocked " + restocked + " sku/region pairs of " + top.size() + " usual SKUs");
    }

    void summarise(Map<String, Object> campaign, List<Outcome> outcomes, Map<String, Coupon> held, LocalDate start) {
        long treated = outcomes.stream().filter(Outcome::treated).count();
        long control = outcomes.size() - treated;
        long treatedBack =
                outcomes.stream().filter(o -> o.treated() && o.repurchased()).count();
        long controlBack =
                outcomes.stream().filter(o -> !o.treated() && o.repurchased()).count();
        long used = outcomes.stream().filter(Outcome::usedCoupon).count();
        double treatRate = treated == 0 ? 0 : (double) treatedBack / treated;
        double controlRate = control == 0 ? 0 : (double) controlBack / control;
        campaign.put("treatment", Map.of("size", treated, "repurchased30d", treatedBack, "rate", round(treatRate)));
        campaign.put("control", Map.of("size", control, "repurchased30d", controlBack, "rate", round(controlRate)));
        campaign.put("liftPoints", round(treatRate - controlRate));
        campaign.put("relativeLift", controlRate == 0 ? null : round(treatRate / controlRate - 1));
        campaign.put("couponsHeld", held.size());
        campaign.put("couponsUsedInOrders", used);
        campaign.put("couponRedemptionRate", held.isEmpty() ? null : round((double) used / held.size()));
        AtomicInteger confirmed = new AtomicInteger();
        forEachParallel(outcomes.stream().filter(Outcome::usedCoupon).toList(), o -> {
            GatewayClient.Response response = gateway.get("/api/v1/marketing/me/coupons", shopperToken(o.user()));
            if (response.ok()) {
                JsonNode list = JSON.readTree(response.body()).path("coupons");
                for (JsonNode c : list) {
                    if (c.path("couponId")
                                    .asString("")
                                    .equals(held.get(o.user()).id())
                            && "redeemed".equalsIgnoreCase(c.path("status").asString(""))) {
                        confirmed.incrementAndGet();
                    }
                }
            }
        });
        campaign.put("redemptionsConfirmedByMarketing", confirmed.get());
        campaign.put(
                "groups",
                "treatment = replayed shoppers holding a coupon after the replay; control = the others "
                        + "(all silent for 30+ days)");
        // what the platform itself measured, when metrics-service answers
        Instant from = start.atStartOfDay(TimeShift.ZONE).toInstant().minus(Duration.ofDays(2));
        Instant to = clock.instant().plus(Duration.ofMinutes(1));
        String period = "?from=" + from + "&to=" + to;
        Map<String, Object> platform = new LinkedHashMap<>();
        platform.put(
                "campaignRecall",
                jsonOrNote(gateway.get("/admin/v1/metrics/campaign-recall" + period + "&days=30", operatorToken())));
        platform.put(
                "couponRedemption",
                jsonOrNote(gateway.get("/admin/v1/metrics/coupon-redemption" + period, operatorToken())));
        platform.put(
                "repurchaseRate",
                jsonOrNote(gateway.get("/admin/v1/metrics/repurchase-rate" + period, operatorToken())));
        platform.put(
                "forecastVsActual", jsonOrNote(gateway.get("/admin/v1/metrics/forecast-vs-actual", operatorToken())));
        report.put("platformMetrics", platform);
        report.put(
                "attribution",
                jsonOrNote(gateway.get("/admin/v1/metrics/attribution" + period + "&by=campaign", operatorToken())));
    }

    String dashboard() {
        try {
            GatewayClient direct = new GatewayClient(options.dashboard());
            GatewayClient.Response response = direct.get("", operatorToken());
            // the page sends a browser without a session to its sign-in (302): it is there
            return response.ok() || response.status() / 100 == 3
                    ? options.dashboard()
                    : "not available (HTTP " + response.status() + ")";
        } catch (RuntimeException e) {
            return "not available";
        }
    }

    // --- the report -------------------------------------------------------------------------------------

    void writeReport() {
        try {
            Files.createDirectories(options.report().toAbsolutePath().getParent());
            Files.writeString(
                    options.report(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } catch (IOException e) {
            out.println("could not write " + options.report() + ": " + e.getMessage());
        }
    }

    void printReport() {
        out.println();
        out.println("==== " + LABEL + " demo report (simulated shoppers, not real customers) ====");
        out.println("source:            " + report.get("source"));
        out.println("members replayed:  " + report.get("members") + " (" + report.get("baskets") + " baskets, ids "
                + report.get("cohort") + "<member>)");
        out.println("simulated period:  " + report.get("simulatedPeriod"));
        out.println("replay:            " + report.get("replay"));
        out.println("profile segments:  " + report.get("segments"));
        Object winback = report.get("winback");
        if (winback instanceof Map<?, ?> w) {
            out.println("win-back (" + LABEL + "):");
            out.println("  treatment:       " + w.get("treatment"));
            out.println("  control:         " + w.get("control"));
            out.println(
                    "  lift:            " + w.get("liftPoints") + " points (relative " + w.get("relativeLift") + ")");
            out.println("  coupons held:    " + w.get("couponsHeld") + ", used in orders "
                    + w.get("couponsUsedInOrders") + ", redemption " + w.get("couponRedemptionRate"));
            out.println("  messages seen:   " + w.get("messagesSeenByTreatedShoppers"));
            out.println("  restock:         " + report.get("restock"));
            out.println("platform metrics:  " + abbreviate(String.valueOf(report.get("platformMetrics"))));
            out.println("top attributions:  " + abbreviate(String.valueOf(report.get("attribution"))));
        }
        out.println("dashboard:         " + report.get("dashboard"));
        out.println("took:              " + report.get("totalSeconds") + " s");
        out.println("report (JSON):     " + options.report());
    }

    private static Object jsonOrNote(GatewayClient.Response response) {
        if (response.ok()) {
            try {
                return JSON.readTree(response.body());
            } catch (RuntimeException e) {
                return abbreviate(response.body());
            }
        }
        return "not available (HTTP " + response.status() + ")";
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The first error seen, kept for the report. */
    static final class AtomicReferenceString {
        private final java.util.concurrent.atomic.AtomicReference<String> value =
                new java.util.concurrent.atomic.AtomicReference<>();

        void setIfAbsent(String s) {
            value.compareAndSet(null, s);
        }

        String get() {
            return value.get();
        }
    }
}
