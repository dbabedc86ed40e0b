package com.freshloop.recommendation.training;

import com.freshloop.recommendation.model.AssociationRules;
import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.ItemNeighbours;
import com.freshloop.recommendation.model.NextBasketRanker;
import com.freshloop.recommendation.model.PurchaseProfile;
import com.freshloop.recommendation.purchases.ItemInfo;
import com.freshloop.recommendation.purchases.StoredBasket;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One trained model: the SKU vocabulary, the ranker and its tables, and which shopper is which row of
 * the TIFU-KNN pool. Immutable; a new training run replaces it as a whole.
 */
public final class TrainedModel {

    /** A recommended SKU with the ranker's score, the source that mainly produced it and its evidence SKU. */
    public record Ranked(
            String sku,
            double score,
            NextBasketRanker.Source source,
            @Nullable String evidence,
            PurchaseProfile.@Nullable ItemStats stats) {}

    /** A complement of an item: often bought with it (association rule) or by the same shoppers (CF). */
    public record Complement(String sku, String of, double confidence, boolean rule) {}

    private final long version;
    private final Instant trainedAt;
    private final ZoneId zone;
    private final List<String> skus;
    private final Map<String, Integer> ids;
    private final Map<String, ItemInfo> catalogue;
    private final NextBasketRanker ranker;
    private final Map<String, Integer> poolIndex;

    TrainedModel(
            long version,
            Instant trainedAt,
            ZoneId zone,
            List<String> skus,
            Map<String, ItemInfo> catalogue,
            NextBasketRanker ranker,
            Map<String, Integer> poolIndex) {
        this.version = version;
        this.trainedAt = trainedAt;
        this.zone = zone;
        this.skus = List.copyOf(skus);
        this.ids = new LinkedHashMap<>();
        for (int i = 0; i < skus.size(); i++) {
            ids.put(skus.get(i), i);
        }
        this.catalogue = Map.copyOf(catalogue);
        this.ranker = ranker;
        this.poolIndex = Map.copyOf(poolIndex);
    }

    public long version() {
        return version;
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    public int items() {
        return skus.size();
    }

    public boolean knows(String sku) {
        return ids.containsKey(sku);
    }

    public ItemInfo info(String sku) {
        ItemInfo info = catalogue.get(sku);
        return info != null ? info : new ItemInfo(sku, null, null);
    }

    /** The shoppers the model was trained with (the TIFU-KNN pool). */
    public List<String> users() {
        return List.copyOf(poolIndex.keySet());
    }

    /** A shopper's baskets in the model's terms (unknown SKUs dropped, days in the model's time zone). */
    public List<Basket> history(List<StoredBasket> baskets) {
        List<Basket> history = new ArrayList<>(baskets.size());
        for (StoredBasket basket : baskets) {
            int[] items = basket.skus().stream()
                    .filter(ids::containsKey)
                    .mapToInt(ids::get)
                    .toArray();
            if (items.length > 0) {
                history.add(new Basket(day(basket.placedAt()), items));
            }
        }
        return history;
    }

    int day(Instant at) {
        return (int) at.atZone(zone).toLocalDate().toEpochDay();
    }

    /** The ranked next basket of a shopper, best first. */
    public List<Ranked> recommend(String userId, List<StoredBasket> baskets, Instant now, int k) {
        List<Basket> history = history(baskets);
        PurchaseProfile profile = PurchaseProfile.of(history);
        double today = now.atZone(zone).toLocalDate().toEpochDay()
                + now.atZone(zone).toLocalTime().toSecondOfDay() / 86_400.0;
        int self = poolIndex.getOrDefault(userId, -1);
        List<Ranked> ranked = new ArrayList<>(k);
        for (NextBasketRanker.Scored scored : ranker.recommend(history, today, k, self)) {
            ranked.add(new Ranked(
                    skus.get(scored.item()),
                    scored.score(),
                    scored.source(),
                    scored.evidence() >= 0 ? skus.get(scored.evidence()) : null,
                    profile.get(scored.item())));
        }
        return ranked;
    }

    /**
     * Items to show next to {@code anchors} (a product page or the cart): association rules of each
     * anchor by confidence, then CF neighbours, anchors themselves and {@code exclude} left out.
     */
    public List<Complement> complements(List<String> anchors, Set<String> exclude, int k) {
        AssociationRules rules = ranker.components().rules();
        ItemNeighbours cf = ranker.components().cf().neighbours();
        Map<String, Complement> best = new LinkedHashMap<>();
        for (String anchor : anchors) {
            Integer id = ids.get(anchor);
            if (id == null) {
                continue;
            }
            int[] consequents = rules.confidence().of(id);
            float[] confidence = rules.confidence().scoresOf(id);
            for (int i = 0; i < consequents.length; i++) {
                offer(best, new Complement(skus.get(consequents[i]), anchor, confidence[i], true));
            }
        }
        for (String anchor : anchors) {
            Integer id = ids.get(anchor);
            if (id == null) {
                continue;
            }
            int[] neighbours = cf.of(id);
            float[] similarity = cf.scoresOf(id);
            for (int i = 0; i < neighbours.length; i++) {
                // CF similarities are on another scale than confidences: below any rule.
                offer(best, new Complement(skus.get(neighbours[i]), anchor, similarity[i] / 10, false));
            }
        }
        return best.values().stream()
                .filter(c -> !anchors.contains(c.sku()) && !exclude.contains(c.sku()))
                .sorted((a, b) -> Double.compare(b.confidence(), a.confidence()))
                .limit(k)
                .toList();
    }

    private static void offer(Map<String, Complement> best, Complement candidate) {
        Complement current = best.get(candidate.sku());
        if (current == null || candidate.confidence() > current.confidence()) {
            best.put(candidate.sku(), candidate);
        }
    }

    /** The most popular SKUs of the training data. */
    public List<String> popular(int k) {
        List<String> popular = new ArrayList<>(k);
        for (int item : ranker.components().popularity().top(k)) {
            popular.add(skus.get(item));
        }
        return popular;
    }
}
