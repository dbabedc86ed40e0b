package com.freshloop.marketing.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
