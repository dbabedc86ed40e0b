package com.freshloop.recommendation.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.recommendation.model.NextBasketRanker;
import com.freshloop.recommendation.model.PurchaseProfile;
import org.junit.jupiter.api.Test;

class ReasonsTests {

    @Test
    void aKnownRhythmIsToldAsAnInterval() {
        var milk = new PurchaseProfile.ItemStats(0, 4, 3, 100, 5.2, 0.3);
        assertThat(Reasons.repurchase("milk", milk, 104)).isEqualTo("you buy milk about every 5 days");
        var eggs = new PurchaseProfile.ItemStats(1, 3, 2, 100, 7.0, 0.3);
        assertThat(Reasons.repurchase("eggs", eggs, 104)).isEqualTo("you buy eggs about every week");
        assertThat(Reasons.every("rice", 14)).isEqualTo("you buy rice about every 2 weeks");
        assertThat(Reasons.every("bread", 0.8)).isEqualTo("you buy bread about every day");
    }

    @Test
    void withoutARhythmItSaysHowOftenAndWhen() {
        var once = new PurchaseProfile.ItemStats(0, 1, 0, 100, 0, 0.3);
        assertThat(Reasons.repurchase("kale", once, 103.5)).isEqualTo("you bought kale 3 days ago");
        var sameDay = new PurchaseProfile.ItemStats(0, 2, 1, 100, 0, 0.3);
        assertThat(Reasons.repurchase("kale", sameDay, 100.2)).isEqualTo("you bought kale twice, last earlier today");
    }

    @Test
    void complementsNameTheItemBehindThem() {
        assertThat(Reasons.of(NextBasketRanker.Source.BOUGHT_WITH, "pepper sauce", "steak", null, 0))
                .isEqualTo("often bought with steak");
        assertThat(Reasons.of(NextBasketRanker.Source.ALSO_BOUGHT, "yogurt", "milk", null, 0))
                .isEqualTo("shoppers who buy milk also buy it");
        assertThat(Reasons.of(NextBasketRanker.Source.POPULAR, "x", null, null, 0))
                .isEqualTo(Reasons.POPULAR);
    }
}
