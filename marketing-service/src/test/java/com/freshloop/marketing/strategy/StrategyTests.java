package com.freshloop.marketing.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.coupons.CouponTemplate;
import com.freshloop.marketing.coupons.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StrategyTests {

    private final Strategy strategy = new Strategy(
            null,
            null,
            null,
            null,
            "repurchase_rate_30d",
            "at_risk",
            UUID.randomUUID(),
            new BigDecimal("5"),
            new BigDecimal("30"));

    @Test
    void theValueGoesUpByTheStepAndNoHigherThanTheMaximum() {
        assertThat(strategy.raised(spendSave("50", "20", null, "0"))).isEqualByComparingTo("25");
        assertThat(strategy.raised(spendSave("50", "28", null, "0"))).isEqualByComparingTo("30");
        assertThat(strategy.whyNotRaised(spendSave("50", "20", null, "0"))).isNull();
        assertThat(strategy.whyNotRaised(spendSave("50", "30", null, "0"))).contains("the most allowed (30)");
    }

    @Test
    void aRaiseStaysBelowTheThresholdAndWithinTheBudget() {
        assertThat(strategy.whyNotRaised(spendSave("25", "20", null, "0"))).contains("spend threshold 25");
        assertThat(strategy.whyNotRaised(spendSave("50", "20", "1000", "976")))
                .contains("does not cover a coupon of 25");
        assertThat(strategy.whyNotRaised(spendSave("50", "20", "1000", "975"))).isNull();
    }

    @Test
    void aCouponWithoutAnAmountIsNotRaised() {
        CouponTemplate gift = new CouponTemplate(
                UUID.randomUUID(),
                "gift",
                Kind.FREE_GIFT,
                null,
                null,
                "garlic",
                7,
                10,
                1,
                0,
                null,
                BigDecimal.ZERO,
                "ops",
                Instant.now());
        assertThat(strategy.whyNotRaised(gift)).contains("no amount to raise");
    }

    private static CouponTemplate spendSave(String threshold, String value, String budget, String used) {
        return new CouponTemplate(
                UUID.randomUUID(),
                "win-back",
                Kind.SPEND_SAVE,
                new BigDecimal(threshold),
                new BigDecimal(value),
                null,
                14,
                1000,
                1,
                0,
                budget == null ? null : new BigDecimal(budget),
                new BigDecimal(used),
                "flyway",
                Instant.now());
    }
}
