package com.freshloop.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemTablesTests {

    // steak(0) + pepper sauce(1) together in 4 baskets; steak alone in 1; milk(2) in 5 baskets; bread(3) with milk once
    private final List<List<Basket>> baskets = List.of(
            List.of(new Basket(0, new int[] {0, 1}), new Basket(1, new int[] {2})),
            List.of(new Basket(0, new int[] {0, 1, 2}), new Basket(1, new int[] {0})),
            List.of(new Basket(0, new int[] {0, 1}), new Basket(1, new int[] {2, 3})),
            List.of(new Basket(0, new int[] {0, 1}), new Basket(1, new int[] {2}), new Basket(2, new int[] {2})));

    @Test
    void rulesCarryConfidenceAndLiftAndDropWeakOrRareOnes() {
        AssociationRules rules = AssociationRules.fit(baskets, 4, new AssociationRules.Settings(2, 10));
        // P(pepper | steak) = 4/5; P(pepper) = 4/9 baskets -> lift 1.8
        assertThat(rules.confidence().score(0, 1)).isCloseTo(0.8, within(1e-6));
        assertThat(rules.lift().score(0, 1)).isCloseTo(0.8 / (4 / 9.0), within(1e-5));
        assertThat(rules.confidence().score(1, 0)).isCloseTo(1.0, within(1e-6));
        // milk and bread together once: below the minimum support
        assertThat(rules.confidence().of(2)).doesNotContain(3);
        // steak and milk together once: below the minimum support too
        assertThat(rules.confidence().of(0)).containsExactly(1);
        assertThat(rules.rulesFrom(0))
                .singleElement()
                .satisfies(rule -> assertThat(rule.consequent()).isEqualTo(1));
    }

    @Test
    void cfSimilarityIsAShrunkCosineOverShoppers() {
        ItemItemCf cf = ItemItemCf.fit(baskets, 4, new ItemItemCf.Settings(1, 10));
        // steak and pepper: bought by the same 4 shoppers -> cosine 1, shrunk by 4 / (4 + 1)
        assertThat(cf.similarity(0, 1)).isCloseTo(0.8, within(1e-6));
        // milk: 4 buyers, 4 shared with steak -> same; bread: 1 buyer, shared 1 with milk -> 1/2 * 1/2
        assertThat(cf.similarity(2, 3)).isCloseTo(1 / Math.sqrt(4) * 0.5, within(1e-6));
        assertThat(cf.neighbours().of(3)).contains(2);
    }

    @Test
    void repeatRatesSeparateStaplesFromOneOffs() {
        List<List<Basket>> histories = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            histories.add(List.of(new Basket(0, new int[] {0, 1 + u % 2}), new Basket(1, new int[] {0})));
        }
        RepeatRates rates = RepeatRates.fit(histories, 3);
        assertThat(rates.repeatBuyers(0)).isGreaterThan(0.8);
        assertThat(rates.repeatBuyers(1)).isLessThan(0.5);
        assertThat(rates.nextBasket(0)).isGreaterThan(rates.nextBasket(1));
    }
}
