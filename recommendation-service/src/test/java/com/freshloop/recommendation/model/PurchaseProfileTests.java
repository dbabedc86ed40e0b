package com.freshloop.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseProfileTests {

    // milk (0) on days 0, 5, 10; eggs (1) on day 5; bread (2) on day 10
    private final PurchaseProfile profile = PurchaseProfile.of(
            List.of(new Basket(0, new int[] {0}), new Basket(5, new int[] {0, 1}), new Basket(10, new int[] {0, 2})));

    @Test
    void eachItemKnowsHowOftenHowRecentlyAndAtWhatRhythmItIsBought() {
        PurchaseProfile.ItemStats milk = profile.get(0);
        assertThat(milk.baskets()).isEqualTo(3);
        assertThat(milk.lastBasket()).isEqualTo(2);
        assertThat(milk.meanGapDays()).isEqualTo(5.0);
        assertThat(profile.get(1).meanGapDays()).isZero();
        assertThat(profile.basketCount()).isEqualTo(3);
        assertThat(profile.meanGapDays()).isEqualTo(5.0);
        assertThat(profile.nextBasketDay()).isEqualTo(15.0);
    }

    @Test
    void anItemIsMostDueWhenItsUsualIntervalHasPassed() {
        assertThat(profile.due(0, 15)).isCloseTo(1.0, within(1e-12));
        assertThat(profile.due(0, 12.5)).isCloseTo(0.5, within(1e-12));
        assertThat(profile.due(0, 20)).isCloseTo(0.5, within(1e-12));
        assertThat(profile.due(1, 15)).isZero();
    }

    @Test
    void repeatShareIsTheMeanShareOfEachLaterBasketBoughtBefore() {
        // basket 2: milk repeat of 2 items (1/2); basket 3: milk repeat of 2 items (1/2)
        assertThat(profile.repeatShare()).isCloseTo(0.5, within(1e-12));
    }
}
