package com.freshloop.recommendation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The product's next-basket ranker. Candidates come from the shopper's own items, item-item CF, the
 * association rules of their recent baskets, the baskets of similar shoppers (the collaborative half of
 * TIFU-KNN) and popularity; each candidate gets repurchase, CF, rule, neighbour and popularity features,
 * and a linear blend of those (weights learned by logistic regression on a validation split, never on
 * test shoppers) orders them. The strongest contribution of each item names its reason.
 */
public final class NextBasketRanker {

    /** The feature names, in order; feature 0 is the constant. */
    public static final List<String> FEATURES = List.of(
            "bias",
            "bought",
            "log_baskets",
            "share",
            "decayed",
            "recency",
            "in_last",
            "due",
            "item_repeat_x_bought",
            "item_next_x_in_last",
            "user_repeat_x_bought",
            "user_repeat_x_new",
            "log_history_x_bought",
            "neighbours",
            "neighbours_sqrt",
            "cf",
            "cf_max",
            "rule_confidence",
            "rule_lift",
            "rule_confidence_history",
            "popularity",
            "item_repeat");

    static final int D = FEATURES.size();

    /** Where an item's score mainly comes from, which decides the reason shown to the shopper. */
    public enum Source {
        /** the shopper buys it regularly */
        REPURCHASE,
        /** shoppers with similar baskets buy it */
        SIMILAR_SHOPPERS,
        /** often bought together with an item of a recent basket */
        BOUGHT_WITH,
        /** shoppers who buy an item of the history also buy it */
        ALSO_BOUGHT,
        /** popular with everybody */
        POPULAR
    }

    /** Settings of the components and of candidate generation. */
    public record Settings(
            int candidatesPerSource,
            ItemItemCf.Settings cf,
            AssociationRules.Settings rules,
            TifuKnn.@Nullable Parameters neighbours) {

        public static Settings defaults() {
            return new Settings(
                    50,
                    ItemItemCf.Settings.defaults(),
                    AssociationRules.Settings.defaults(),
                    TifuKnn.Parameters.tafeng());
        }
    }

    /** The trained tables the ranker reads; fitted from baskets, independent of the weights. */
    public record Components(
            int itemCount,
            Popularity popularity,
            ItemItemCf cf,
            AssociationRules rules,
            RepeatRates repeatRates,
            @Nullable TifuKnn neighbours) {

        public static Components fit(List<List<Basket>> histories, int itemCount, Settings settings) {
            return new Components(
                    itemCount,
                    Popularity.fit(histories, itemCount),
                    ItemItemCf.fit(histories, itemCount, settings.cf()),
                    AssociationRules.fit(histories, itemCount, settings.rules()),
                    RepeatRates.fit(histories, itemCount),
                    settings.neighbours() == null ? null : new TifuKnn(histories, itemCount, settings.neighbours()));
        }
    }

    /** Candidate items of one shopper with their features (row-major) and explaining items. */
    public record Candidates(int[] items, float[] features, int[] evidence, Source[] strongest) {

        public int size() {
            return items.length;
        }
    }

    /** A ranked item: its blended score, the source that contributed most, and the item behind it (or -1). */
    public record Scored(int item, double score, Source source, int evidence) {}

    private final Components components;
    private final Settings settings;
    private final double[] weights;
    private final int[] popular;

    public NextBasketRanker(Components components, Settings settings, double[] weights) {
        if (weights.length != D) {
            throw new IllegalArgumentException("expected " + D + " weights, got " + weights.length);
        }
        this.components = components;
        this.settings = settings;
        this.weights = weights.clone();
        this.popular = components.popularity().top(settings.candidatesPerSource());
    }

    public Components components() {
        return components;
    }

    public double[] weights() {
        return weights.clone();
    }

    /**
     * The top {@code k} items for a shopper.
     *
     * @param day the day the basket is for (for the purchase-cycle feature)
     * @param self the shopper's index among the TIFU-KNN pool, or -1
     */
    public List<Scored> recommend(List<Basket> history, double day, int k, int self) {
        Candidates candidates = candidates(history, day, self);
        int n = candidates.size();
        double[] scores = new double[n];
        Source[] sources = new Source[n];
        for (int c = 0; c < n; c++) {
            scores[c] = score(candidates.features(), c);
            sources[c] = candidates.strongest()[c];
        }
        Integer[] order = new Integer[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        double[] popularity = components.popularity().counts();
        Arrays.sort(order, (a, b) -> {
            int cmp = Double.compare(scores[b], scores[a]);
            if (cmp == 0) {
                cmp = Double.compare(
                        popularity[candidates.items()[b]], popularity[candidates.items()[a]]);
            }
            return cmp != 0
                    ? cmp
                    : Integer.compare(candidates.items()[a], candidates.items()[b]);
        });
        List<Scored> top = new ArrayList<>(Math.min(k, n));
        for (int i = 0; i < Math.min(k, n); i++) {
            int c = order[i];
            top.add(new Scored(
                    candidates.items()[c], scores[c], sources[c], candidates.evidence()[c]));
        }
        return top;
    }

    /** The top {@code k} item ids. */
    public int[] top(List<Basket> history, double day, int k, int self) {
        return recommend(history, day, k, self).stream().mapToInt(Scored::item).toArray();
    }

    private double score(float[] features, int row) {
        double s = 0;
        for (int j = 0; j < D; j++) {
            s += weights[j] * features[row * D + j];
        }
        return s;
    }

    /** Gathers candidates and computes their features. */
    public Candidates candidates(List<Basket> history, double day, int self) {
        int itemCount = components.itemCount();
        int m = settings.candidatesPerSource();
        PurchaseProfile profile = PurchaseProfile.of(history);
        int n = history.size();

        double[] neighbours = components.neighbours() == null || n == 0
                ? new double[itemCount]
                : components.neighbours().neighbourMean(history, self);

        double[] cf = new double[itemCount];
        double[] cfMax = new double[itemCount];
        int[] cfEvidence = new int[itemCount];
        double totalWeight = 0;
        ItemNeighbours similar = components.cf().neighbours();
        for (PurchaseProfile.ItemStats stats : profile.items().values()) {
            double w = stats.decayed();
            totalWeight += w;
            int[] others = similar.of(stats.item());
            float[] sims = similar.scoresOf(stats.item());
            for (int x = 0; x < others.length; x++) {
                int other = others[x];
                cf[other] += w * sims[x];
                if (sims[x] > cfMax[other]) {
                    cfMax[other] = sims[x];
                    cfEvidence[other] = stats.item();
                }
            }
        }
        if (totalWeight > 0) {
            for (int i = 0; i < itemCount; i++) {
                cf[i] /= totalWeight;
            }
        }

        double[] ruleConfidence = new double[itemCount];
        double[] ruleLift = new double[itemCount];
        double[] ruleHistory = new double[itemCount];
        int[] ruleEvidence = new int[itemCount];
        ItemNeighbours confidence = components.rules().confidence();
        ItemNeighbours lift = components.rules().lift();
        for (int b = 0; b < n; b++) {
            double age = Math.pow(PurchaseProfile.DECAY, n - 1 - b);
            boolean last = b == n - 1;
            for (int antecedent : history.get(b).items()) {
                int[] consequents = confidence.of(antecedent);
                float[] conf = confidence.scoresOf(antecedent);
                float[] lifts = lift.scoresOf(antecedent);
                for (int x = 0; x < consequents.length; x++) {
                    int c = consequents[x];
                    if (last && conf[x] > ruleConfidence[c]) {
                        ruleConfidence[c] = conf[x];
                        ruleEvidence[c] = antecedent;
                    }
                    if (last) {
                        ruleLift[c] = Math.max(ruleLift[c], lifts[x]);
                    }
                    ruleHistory[c] = Math.max(ruleHistory[c], age * conf[x]);
                }
            }
        }

        boolean[] chosen = new boolean[itemCount];
        int[] items = new int[itemCount];
        int count = 0;
        for (int item : profile.items().keySet()) {
            if (!chosen[item]) {
                chosen[item] = true;
                items[count++] = item;
            }
        }
        for (double[] source : List.of(neighbours, cf, ruleConfidence)) {
            for (int item : TopK.select(source, m)) {
                if (!chosen[item]) {
                    chosen[item] = true;
                    items[count++] = item;
                }
            }
        }
        for (int item : popular) {
            if (!chosen[item]) {
                chosen[item] = true;
                items[count++] = item;
            }
        }
        items = Arrays.copyOf(items, count);
        Arrays.sort(items);

        float[] features = new float[count * D];
        int[] evidence = new int[count];
        Source[] strongest = new Source[count];
        double logHistory = Math.log1p(n);
        for (int c = 0; c < count; c++) {
            int item = items[c];
            PurchaseProfile.ItemStats stats = profile.get(item);
            boolean bought = stats != null;
            boolean inLast = bought && stats.lastBasket() == n - 1;
            double itemRepeat = components.repeatRates().repeatBuyers(item);
            double[] f = new double[D];
            f[0] = 1;
            if (bought) {
                f[1] = 1;
                f[2] = Math.log1p(stats.baskets());
                f[3] = stats.baskets() / (double) n;
                f[4] = stats.decayed();
                f[5] = 1.0 / (1 + (n - 1 - stats.lastBasket()));
                f[6] = inLast ? 1 : 0;
                f[7] = profile.due(item, day);
                f[8] = itemRepeat;
                f[9] = inLast ? components.repeatRates().nextBasket(item) : 0;
                f[10] = profile.repeatShare();
                f[12] = logHistory;
            } else {
                f[11] = profile.repeatShare();
            }
            f[13] = neighbours[item];
            f[14] = Math.sqrt(neighbours[item]);
            f[15] = cf[item];
            f[16] = cfMax[item];
            f[17] = ruleConfidence[item];
            f[18] = Math.log1p(ruleLift[item]);
            f[19] = ruleHistory[item];
            f[20] = Math.log(components.popularity().share(item) + 1e-6);
            f[21] = itemRepeat;
            for (int j = 0; j < D; j++) {
                features[c * D + j] = (float) f[j];
            }
            strongest[c] = strongestSource(f);
            evidence[c] = switch (strongest[c]) {
                case ALSO_BOUGHT -> cfMax[item] > 0 ? cfEvidence[item] : -1;
                case BOUGHT_WITH -> ruleConfidence[item] > 0 ? ruleEvidence[item] : -1;
                default -> -1;
            };
        }
        return new Candidates(items, features, evidence, strongest);
    }

    // The group of features contributing most above what an unknown item would get.
    private Source strongestSource(double[] f) {
        if (f[1] > 0) {
            double repurchase = 0;
            for (int j = 1; j <= 12; j++) {
                repurchase += weights[j] * f[j];
            }
            if (repurchase > 0) {
                return Source.REPURCHASE;
            }
        }
        double similarShoppers = weights[13] * f[13] + weights[14] * f[14];
        double alsoBought = weights[15] * f[15] + weights[16] * f[16];
        double boughtWith = weights[17] * f[17] + weights[18] * f[18] + weights[19] * f[19];
        double best = Math.max(0, Math.max(similarShoppers, Math.max(alsoBought, boughtWith)));
        if (best == 0) {
            return Source.POPULAR;
        }
        if (best == boughtWith && f[17] > 0) {
            return Source.BOUGHT_WITH;
        }
        if (best == alsoBought && f[16] > 0) {
            return Source.ALSO_BOUGHT;
        }
        return best == similarShoppers ? Source.SIMILAR_SHOPPERS : Source.POPULAR;
    }

    /** Hand-set weights (repeat frequency and recency first, then neighbours, CF, rules, popularity). */
    public static double[] defaultWeights() {
        double[] w = new double[D];
        w[0] = -6;
        w[1] = 2;
        w[2] = 0.8;
        w[4] = 5;
        w[5] = 0.5;
        w[13] = 30;
        w[15] = 10;
        w[17] = 2;
        w[20] = 0.3;
        return w;
    }
}
