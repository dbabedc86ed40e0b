package com.freshloop.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CouponsTests {

    @Test
    void wellFormedTemplatesOfEachKindBreakNoRule() {
        assertThat(Coupons.kindRuleViolations(template(Kind.NO_THRESHOLD, null, "5", null)))
                .isEmpty();
        assertThat(Coupons.kindRuleViolations(template(Kind.SPEND_SAVE, "50", "20", null)))
                .isEmpty();
        assertThat(Coupons.kindRuleViolations(template(Kind.PERCENTAGE, null, "90", null)))
                .isEmpty();
        assertThat(Coupons.kindRuleViolations(template(Kind.FREE_GIFT, "30", null, "scallion-100g")))
                .isEmpty();
    }

    @Test
    void spendSaveNeedsAThresholdAboveItsValue() {
        assertThat(Coupons.kindRuleViolations(template(Kind.SPEND_SAVE, "20", "20", null)))
                .containsExactly("threshold: must be greater than the value of a spend_save coupon");
        assertThat(Coupons.kindRuleViolations(template(Kind.SPEND_SAVE, null, "20", null)))
                .containsExactly("threshold: a spend_save coupon needs a threshold");
    }

    @Test
    void percentageMustBeBetweenOneAndNinety() {
        assertThat(Coupons.kindRuleViolations(template(Kind.PERCENTAGE, null, "91", null)))
                .hasSize(1);
        assertThat(Coupons.kindRuleViolations(template(Kind.PERCENTAGE, null, "0.5", null)))
                .hasSize(1);
        assertThat(Coupons.kindRuleViolations(template(Kind.PERCENTAGE, null, "1", null)))
                .isEmpty();
    }

    @Test
    void onlyFreeGiftsCarryAGiftAndTheyNeedOne() {
        assertThat(Coupons.kindRuleViolations(template(Kind.FREE_GIFT, null, null, null)))
                .containsExactly("giftSku: a free_gift coupon needs a giftSku");
        assertThat(Coupons.kindRuleViolations(template(Kind.NO_THRESHOLD, null, "5", "garlic")))
                .containsExactly("giftSku: only a free_gift coupon has a gift");
    }

    @Test
    void kindsUseTheirWireNames() {
        assertThat(Kind.of("spend_save")).contains(Kind.SPEND_SAVE);
        assertThat(Kind.of("SPEND_SAVE")).isEmpty();
        assertThat(Kind.FREE_GIFT.wire()).isEqualTo("free_gift");
    }

    @Test
    void aBudgetIsForAmountOffKindsAndCoversOneCoupon() {
        assertThat(Coupons.kindRuleViolations(budgeted(Kind.NO_THRESHOLD, "10", "100")))
                .isEmpty();
        assertThat(Coupons.kindRuleViolations(budgeted(Kind.NO_THRESHOLD, "10", "5")))
                .containsExactly("budget: must cover at least one coupon of the value");
        assertThat(Coupons.kindRuleViolations(budgeted(Kind.PERCENTAGE, "10", "100")))
                .containsExactly(
                        "budget: only amount-off coupons (no_threshold, spend_save) have a face value to budget");
    }

    @Test
    void remainingIssuesAreTheStockLeftAndNoMoreThanTheBudgetLeftCovers() {
        assertThat(stored(100, 10, null, "0", "20").remainingIssues()).isEqualTo(90);
        // 200 - 60 = 140 left covers 7 coupons of 20
        assertThat(stored(100, 3, "200", "60", "20").remainingIssues()).isEqualTo(7);
        assertThat(stored(5, 3, "200", "60", "20").remainingIssues()).isEqualTo(2);
        assertThat(stored(100, 10, "200", "190", "20").remainingIssues()).isZero();
    }

    @Test
    void theFaceValueTakenFromTheBudgetIsTheAmountOff() {
        assertThat(Coupons.faceValue(stored(10, 0, null, "0", "20"))).isEqualByComparingTo("20");
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
        assertThat(Coupons.faceValue(gift)).isEqualByComparingTo("0");
    }

    private static CouponTemplate stored(int stock, int issued, String budget, String used, String value) {
        return new CouponTemplate(
                UUID.randomUUID(),
                "t",
                Kind.NO_THRESHOLD,
                null,
                new BigDecimal(value),
                null,
                7,
                stock,
                1,
                issued,
                budget == null ? null : new BigDecimal(budget),
                new BigDecimal(used),
                "ops",
                Instant.now());
    }

    private static NewCouponTemplate budgeted(Kind kind, String value, String budget) {
        return new NewCouponTemplate("test", kind, null, new BigDecimal(value), null, 7, 10, 1, new BigDecimal(budget));
    }

    private static NewCouponTemplate template(Kind kind, String threshold, String value, String giftSku) {
        return new NewCouponTemplate(
                "test",
                kind,
                threshold == null ? null : new BigDecimal(threshold),
                value == null ? null : new BigDecimal(value),
                giftSku,
                7,
                10,
                1);
    }
}
