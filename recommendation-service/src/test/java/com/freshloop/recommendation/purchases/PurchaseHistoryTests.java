package com.freshloop.recommendation.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurchaseHistoryTests {

    private final Instant now = Instant.parse("2026-05-10T08:00:00Z");

    @Test
    void reasonSaysHowOftenAndHowLongAgo() {
        var item = new PurchasedItem("milk-1l", "whole milk", "dairy", 4, 6, now.minus(Duration.ofDays(3)));
        assertThat(PurchaseHistory.reason(item, now)).isEqualTo("you bought whole milk 4 times, last 3 days ago");
    }

    @Test
    void reasonReadsNaturallyForOneOrTwoPurchasesAndRecentDays() {
        var once = new PurchasedItem("egg-6", "free-range eggs", "eggs", 1, 1, now.minus(Duration.ofHours(30)));
        var twice = new PurchasedItem("egg-6", "free-range eggs", "eggs", 2, 2, now.minus(Duration.ofHours(2)));
        assertThat(PurchaseHistory.reason(once, now)).isEqualTo("you bought free-range eggs yesterday");
        assertThat(PurchaseHistory.reason(twice, now))
                .isEqualTo("you bought free-range eggs twice, last earlier today");
    }

    @Test
    void reasonFallsBackToTheSkuWhenTheNameIsUnknown() {
        var item = new PurchasedItem("sku-9", null, null, 3, 3, now.minus(Duration.ofDays(10)));
        assertThat(PurchaseHistory.reason(item, now)).isEqualTo("you bought sku-9 3 times, last 10 days ago");
    }
}
