package com.freshloop.recommendation.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairwise association rules {@code a -> b} mined from baskets (items bought together, "often bought
 * with"): support = baskets with both, confidence = P(b | a), lift = confidence / P(b). Rules below a
 * minimum support or with lift at most 1 are dropped; each antecedent keeps its strongest rules by
 * confidence.
 */
public final class AssociationRules {

    /** Settings: minimum number of baskets supporting a rule and rules kept per antecedent. */
    public record Settings(int minSupport, int rulesPerItem) {

        public static Settings defaults() {
            return new Settings(3, 50);
        }
    }

    /** One rule, for explanations and the operator view. */
    public record Rule(int antecedent, int consequent, double confidence, double lift) {}

    private final ItemNeighbours confidence;
    private final ItemNeighbours lift;

    private AssociationRules(ItemNeighbours confidence, ItemNeighbours lift) {
        this.confidence = confidence;
        this.lift = lift;
    }

    public static AssociationRules of(ItemNeighbours confidence, ItemNeighbours lift) {
        return new AssociationRules(confidence, lift);
    }

    public static AssociationRules fit(List<List<Basket>> histories, int itemCount, Settings settings) {
        List<int[]> baskets = new ArrayList<>();
        List<List<Integer>> containing = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            containing.add(new ArrayList<>());
        }
        for (List<Basket> history : histories) {
            for (Basket basket : history) {
                int b = baskets.size();
                baskets.add(basket.items());
                for (int item : basket.items()) {
                    containing.get(item).add(b);
                }
            }
        }
        double total = baskets.size();
        int[][] confidenceItems = new int[itemCount][];
        float[][] confidenceScores = new float[itemCount][];
        int[][] liftItems = new int[itemCount][];
        float[][] liftScores = new float[itemCount][];
        int[] together = new int[itemCount];
        int[] touched = new int[itemCount];
        double[] conf = new double[itemCount];
        double[] lifts = new double[itemCount];
        for (int a = 0; a < itemCount; a++) {
            int n = 0;
            for (int b : containing.get(a)) {
                for (int item : baskets.get(b)) {
                    if (item != a && together[item]++ == 0) {
                        touched[n++] = item;
                    }
                }
            }
            double na = containing.get(a).size();
            int kept = 0;
            for (int x = 0; x < n; x++) {
                int c = touched[x];
                double support = together[c];
                together[c] = 0;
                double confidenceAc = support / na;
                double liftAc = confidenceAc / (containing.get(c).size() / total);
                if (support >= settings.minSupport() && liftAc > 1) {
                    touched[kept++] = c;
                    conf[c] = confidenceAc;
                    lifts[c] = liftAc;
                }
            }
            ItemNeighbours.keepBest(a, touched, kept, conf, settings.rulesPerItem(), confidenceItems, confidenceScores);
            liftItems[a] = confidenceItems[a].clone();
            liftScores[a] = new float[liftItems[a].length];
            for (int x = 0; x < liftItems[a].length; x++) {
                liftScores[a][x] = (float) lifts[liftItems[a][x]];
            }
            for (int x = 0; x < kept; x++) {
                conf[touched[x]] = 0;
                lifts[touched[x]] = 0;
            }
        }
        return new AssociationRules(
                new ItemNeighbours(confidenceItems, confidenceScores), new ItemNeighbours(liftItems, liftScores));
    }

    public ItemNeighbours confidence() {
        return confidence;
    }

    public ItemNeighbours lift() {
        return lift;
    }

    /** The rules with {@code antecedent} on the left, strongest confidence first. */
    public List<Rule> rulesFrom(int antecedent) {
        int[] consequents = confidence.of(antecedent);
        List<Rule> rules = new ArrayList<>(consequents.length);
        for (int i = 0; i < consequents.length; i++) {
            rules.add(new Rule(
                    antecedent, consequents[i], confidence.scoresOf(antecedent)[i], lift.scoresOf(antecedent)[i]));
        }
        return rules;
    }
}
