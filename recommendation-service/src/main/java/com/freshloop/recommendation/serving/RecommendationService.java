package com.freshloop.recommendation.serving;

import com.freshloop.recommendation.experiments.Assignment;
import com.freshloop.recommendation.experiments.Experiments;
import com.freshloop.recommendation.experiments.ExposureLog;
import com.freshloop.recommendation.purchases.PopularItem;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.purchases.Recommendation;
import com.freshloop.recommendation.purchases.ShopperSummary;
import com.freshloop.recommendation.rules.Rules;
import com.freshloop.recommendation.rules.ScenarioRule;
import com.freshloop.recommendation.rules.Situation;
import com.freshloop.recommendation.training.CurrentModel;
import com.freshloop.recommendation.training.TrainedModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Builds what a shopper sees: the base list for the context (home: the precomputed personal list;
 * cart: complements of the cart; product page: complements of the product), then scenario rules
 * on top, the experiment variant on every item, and an exposure record. Redis or database trouble
 * turns into the in-memory popular list instead of an error.
 */
@Service
public class RecommendationService {

    private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);
    static final int VIEWED_COMPLEMENTS = 2;
    static final int VIEWED_AT = 3;

    private final StateStore state;
    private final CurrentModel current;
    private final PurchaseHistory purchases;
    private final PopularItems popular;
    private final Rules rules;
    private final Experiments experiments;
    private final ExposureLog exposures;
    private final ListBuilder builder;
    private final ServingProperties properties;
    private final Clock clock;

    RecommendationService(
            StateStore state,
            CurrentModel current,
            PurchaseHistory purchases,
            PopularItems popular,
            Rules rules,
            Experiments experiments,
            ExposureLog exposures,
            ListBuilder builder,
            ServingProperties properties,
            Clock clock) {
        this.state = state;
        this.current = current;
        this.purchases = purchases;
        this.popular = popular;
        this.rules = rules;
        this.experiments = experiments;
        this.exposures = exposures;
        this.builder = builder;
        this.properties = properties;
        this.clock = clock;
    }

    /** An item before the experiment is attached. */
    record Candidate(
            String sku,
            @Nullable String name,
            @Nullable String category,
            String strategy,
            String reason,
            boolean due) {}

    /** The base list with what rules need to know about the shopper. */
    private record Base(
            List<Candidate> items, int orders, @Nullable String region, Set<String> exclude) {}

    /**
     * @param context {@code home}, {@code cart} or {@code product:<sku>}
     */
    public Recommendations recommend(String userId, String context, int limit) {
        Optional<Assignment> assignment = experiments.assign(userId);
        String algorithm = assignment.map(Assignment::algorithm).orElse("ranker");
        Instant now = clock.instant();
        List<Candidate> items;
        boolean fallback = false;
        try {
            Base base = base(userId, context, algorithm, limit);
            items = withRules(userId, context, base, now, limit);
        } catch (StateUnavailable | DataAccessException e) {
            log.debug("Serving the popular fallback to {}: {}", userId, e.getMessage());
            fallback = true;
            items = popular(Set.of(exclusion(context)), limit);
        }
        String experiment = assignment.map(Assignment::experiment).orElse(null);
        String variant = assignment.map(Assignment::variant).orElse(null);
        List<RecommendedItem> served = new ArrayList<>(items.size());
        for (Candidate c : items) {
            served.add(new RecommendedItem(
                    c.sku(), c.name(), c.category(), c.strategy(), c.reason(), experiment, variant));
        }
        assignment.ifPresent(a -> exposures.record(new ExposureLog.Exposure(
                a, userId, context, served.stream().map(RecommendedItem::sku).toList(), now)));
        return new Recommendations(userId, context, fallback, experiment, variant, served);
    }

    private Base base(String userId, String context, String algorithm, int limit) {
        Optional<TrainedModel> model = current.get();
        if (context.equals("home")) {
            if (algorithm.equals("ranker")) {
                PersonalList list = state.list(userId);
                if (list == null && model.isPresent()) {
                    list = builder.build(model.get(), userId);
                    try {
                        state.putList(list);
                    } catch (StateUnavailable e) {
                        log.debug("Could not store the list of {}: {}", userId, e.getMessage());
                    }
                }
                if (list != null) {
                    return new Base(withViewed(userId, list.items(), model), list.orders(), list.region(), Set.of());
                }
            }
            ShopperSummary summary = purchases.summaryOf(userId);
            if (algorithm.equals("popular")) {
                return new Base(popular(Set.of(), limit), summary.orders(), summary.region(), Set.of());
            }
            List<Candidate> items = new ArrayList<>();
            for (Recommendation r : purchases.recommendFor(userId, Math.max(limit, 20))) {
                items.add(new Candidate(r.sku(), r.name(), r.category(), r.strategy(), r.reason(), false));
            }
            return new Base(items, summary.orders(), summary.region(), Set.of());
        }
        ShopperSummary summary = purchases.summaryOf(userId);
        List<String> anchors;
        Set<String> exclude;
        if (context.equals("cart")) {
            exclude = state.cart(userId);
            anchors = List.copyOf(exclude);
        } else {
            String sku = context.substring("product:".length());
            anchors = List.of(sku);
            exclude = Set.of(sku);
        }
        List<Candidate> items = new ArrayList<>();
        if (model.isPresent()) {
            for (TrainedModel.Complement c : model.get().complements(anchors, exclude, limit)) {
                items.add(complement(model.get(), c, false));
            }
        }
        items.addAll(popular(exclude, limit));
        return new Base(items, summary.orders(), summary.region(), exclude);
    }

    /** Recently viewed products' complements go in at position 3, so a view changes the list at once. */
    private List<Candidate> withViewed(String userId, List<PersonalList.Item> list, Optional<TrainedModel> model) {
        List<Candidate> items = new ArrayList<>(list.size() + VIEWED_COMPLEMENTS);
        for (PersonalList.Item item : list) {
            items.add(new Candidate(
                    item.sku(), item.name(), item.category(), item.strategy(), item.reason(), item.due()));
        }
        if (model.isEmpty()) {
            return items;
        }
        List<String> viewed = state.viewed(userId);
        if (viewed.isEmpty()) {
            return items;
        }
        List<String> recent = viewed.subList(0, Math.min(3, viewed.size()));
        Set<String> top = new HashSet<>();
        for (int i = 0; i < Math.min(VIEWED_AT, items.size()); i++) {
            top.add(items.get(i).sku());
        }
        List<Candidate> extra = new ArrayList<>();
        for (TrainedModel.Complement c : model.get().complements(recent, top, VIEWED_COMPLEMENTS)) {
            extra.add(complement(model.get(), c, true));
        }
        items.removeIf(item -> extra.stream().anyMatch(e -> e.sku().equals(item.sku())));
        items.addAll(Math.min(VIEWED_AT, items.size()), extra);
        return items;
    }

    private static Candidate complement(TrainedModel model, TrainedModel.Complement c, boolean viewed) {
        var info = model.info(c.sku());
        String anchor = model.info(c.of()).label();
        String reason = viewed
                ? Reasons.viewed(anchor)
                : c.rule() ? Reasons.goesWith(anchor) : "shoppers who buy " + anchor + " also buy it";
        return new Candidate(
                c.sku(), info.name(), info.category(), c.rule() ? "bought_with" : "also_bought", reason, false);
    }

    private List<Candidate> withRules(String userId, String context, Base base, Instant now, int limit) {
        Situation.Weather weather = null;
        if (base.region() != null && rules.anyWeatherRule()) {
            StateStore.Observed observed = state.weather(base.region());
            if (observed != null) {
                weather = new Situation.Weather(
                        observed.temperatureC(), observed.condition(), properties.hotFrom(), properties.coldUpTo());
            }
        }
        String kind = context.startsWith("product:") ? "product" : context;
        Situation situation = new Situation(
                kind, now.atZone(properties.zone()).getHour(), weather, Situation.lifecycle(base.orders()));
        Map<String, Candidate> ordered = new LinkedHashMap<>();
        for (ScenarioRule rule : rules.matching(situation)) {
            if (rule.skus().isEmpty()) {
                reminders(userId, base).forEach(c -> ordered.putIfAbsent(c.sku(), c));
            } else {
                for (String sku : rule.skus()) {
                    ordered.putIfAbsent(sku, named(sku, "scenario", rule.reason()));
                }
            }
        }
        for (Candidate c : base.items()) {
            ordered.putIfAbsent(c.sku(), c);
        }
        List<Candidate> result = new ArrayList<>(limit);
        for (Candidate c : ordered.values()) {
            if (result.size() >= limit) {
                break;
            }
            if (!base.exclude().contains(c.sku())) {
                result.add(c);
            }
        }
        return result;
    }

    /** Items due again: flagged by the model in the list, or by the stream jobs' repurchase.due tags. */
    private List<Candidate> reminders(String userId, Base base) {
        List<Candidate> due = new ArrayList<>();
        for (Candidate c : base.items()) {
            if (c.due()) {
                due.add(new Candidate(c.sku(), c.name(), c.category(), "reminder", c.reason(), true));
            }
        }
        state.due(userId).forEach((sku, cycle) -> {
            Candidate named = named(sku, "reminder", "");
            String name = named.name() == null ? sku : named.name();
            due.add(new Candidate(sku, named.name(), named.category(), "reminder", Reasons.every(name, cycle), true));
        });
        return due;
    }

    private Candidate named(String sku, String strategy, String reason) {
        Optional<TrainedModel> model = current.get();
        if (model.isPresent() && model.get().knows(sku)) {
            var info = model.get().info(sku);
            return new Candidate(sku, info.name(), info.category(), strategy, reason, false);
        }
        for (PopularItem item : popular.items()) {
            if (item.sku().equals(sku)) {
                return new Candidate(sku, item.name(), item.category(), strategy, reason, false);
            }
        }
        return new Candidate(sku, null, null, strategy, reason, false);
    }

    private List<Candidate> popular(Set<String> exclude, int limit) {
        List<Candidate> items = new ArrayList<>(limit);
        for (PopularItem item : popular.items()) {
            if (items.size() >= limit) {
                break;
            }
            if (!exclude.contains(item.sku())) {
                items.add(new Candidate(item.sku(), item.name(), item.category(), "popular", Reasons.POPULAR, false));
            }
        }
        return items;
    }

    private static String exclusion(String context) {
        return context.startsWith("product:") ? context.substring("product:".length()) : "";
    }
}
