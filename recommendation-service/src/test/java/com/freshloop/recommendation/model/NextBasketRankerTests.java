package com.freshloop.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NextBasketRankerTests {

    static final int ITEMS = NextBasketRankerTestData.ITEMS;

    static List<List<Basket>> shoppers(int count, int baskets, long seed) {
        return NextBasketRankerTestData.shoppers(count, baskets, seed);
    }

    private static NextBasketRanker.Settings settings() {
        return new NextBasketRanker.Settings(
                10,
                new ItemItemCf.Settings(1, 20),
                new AssociationRules.Settings(2, 20),
                new TifuKnn.Parameters(5, 0.9, 0.7, 0.7, 3));
    }

    @Test
    void aShoppersStaplesComeFirstAsRepurchases() {
        List<List<Basket>> histories = shoppers(40, 6, 1);
        var components = NextBasketRanker.Components.fit(histories, ITEMS, settings());
        var ranker = new NextBasketRanker(components, settings(), NextBasketRanker.defaultWeights());
        List<NextBasketRanker.Scored> top = ranker.recommend(histories.get(3), 42, 5, 3);
        assertThat(top.subList(0, 2)).extracting(NextBasketRanker.Scored::item).containsExactlyInAnyOrder(3, 4);
        assertThat(top.get(0).source()).isEqualTo(NextBasketRanker.Source.REPURCHASE);
    }

    @Test
    void anItemOftenBoughtWithTheLastBasketIsExplainedByIt() {
        List<List<Basket>> histories = shoppers(60, 4, 2);
        var components = NextBasketRanker.Components.fit(histories, ITEMS, settings());
        double[] weights = new double[NextBasketRanker.D];
        weights[NextBasketRanker.FEATURES.indexOf("rule_confidence")] = 1;
        var ranker = new NextBasketRanker(components, settings(), weights);
        List<Basket> history = List.of(new Basket(0, new int[] {10}));
        NextBasketRanker.Scored first = ranker.recommend(history, 7, 1, -1).get(0);
        assertThat(first.item()).isEqualTo(11);
        assertThat(first.source()).isEqualTo(NextBasketRanker.Source.BOUGHT_WITH);
        assertThat(first.evidence()).isEqualTo(10);
    }

    @Test
    void learnedWeightsBeatPopularityOnHeldOutShoppers() {
        List<List<Basket>> histories = shoppers(80, 6, 3);
        var settings = settings();
        List<List<Basket>> shortened = new ArrayList<>();
        for (List<Basket> h : histories) {
            shortened.add(h.subList(0, h.size() - 1));
        }
        var components = NextBasketRanker.Components.fit(shortened, ITEMS, settings);
        List<RankerTraining.Example> examples = new ArrayList<>();
        for (int u = 0; u < 60; u++) {
            List<Basket> full = histories.get(u);
            examples.add(new RankerTraining.Example(
                    shortened.get(u),
                    full.get(full.size() - 1).day(),
                    u,
                    full.get(full.size() - 1).items()));
        }
        RankerTraining.Result result =
                RankerTraining.learn(components, settings, examples, new RankerTraining.Settings(1, 1, 2, 100));
        assertThat(result.tunedObjective()).isGreaterThanOrEqualTo(result.regressionObjective());
        var ranker = new NextBasketRanker(components, settings, result.weights());
        Metrics.Accumulator learned = new Metrics.Accumulator(10);
        Metrics.Accumulator popular = new Metrics.Accumulator(10);
        for (int u = 60; u < 80; u++) {
            List<Basket> full = histories.get(u);
            int[] target = full.get(full.size() - 1).items();
            learned.add(ranker.top(shortened.get(u), full.get(full.size() - 1).day(), 10, u), target);
            popular.add(components.popularity().top(10), target);
        }
        assertThat(learned.recall(10)).isGreaterThan(popular.recall(10));
        assertThat(learned.recall(10)).isGreaterThan(0.6);
        assertThat(result.weights()[NextBasketRanker.FEATURES.indexOf("share")]).isPositive();
    }

    @Test
    void logisticRegressionRecoversTheSignOfAnInformativeFeature() {
        int rows = 400;
        float[] x = new float[rows * 3];
        boolean[] y = new boolean[rows];
        SplittableRandom random = new SplittableRandom(7);
        for (int r = 0; r < rows; r++) {
            double signal = random.nextDouble() * 4 - 2;
            x[r * 3] = 1;
            x[r * 3 + 1] = (float) signal;
            x[r * 3 + 2] = (float) random.nextDouble();
            y[r] = random.nextDouble() < 1 / (1 + Math.exp(-2 * signal));
        }
        double[] w = LogisticRegression.fit(x, y, rows, 3, 0.1, 25);
        assertThat(w[1]).isBetween(1.2, 3.0);
        assertThat(Math.abs(w[2])).isLessThan(1.0);
    }
}
