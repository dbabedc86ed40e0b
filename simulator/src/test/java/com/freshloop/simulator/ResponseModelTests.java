package com.freshloop.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.behaviour.v1.OrderPlaced;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResponseModelTests {

    final ResponseModel model = ResponseModel.DEFAULT;

    @Test
    void theSameShopperAndWeekAlwaysGetTheSameDecision() {
        for (int i = 0; i < 200; i++) {
            String user = "g-" + i;
            assertThat(model.orders(user, 2, true, false)).isEqualTo(model.orders(user, 2, true, false));
            assertThat(model.dayOfWeek(user, 2))
                    .isEqualTo(model.dayOfWeek(user, 2))
                    .isBetween(0, 6);
        }
    }

    @Test
    void aCouponRaisesTheThirtyDayOrderRateToRoughlyPTreat() {
        int users = 20_000;
        double treated = IntStream.range(0, users)
                        .filter(i -> IntStream.range(0, 4).anyMatch(w -> model.orders("u-" + i, w, true, false)))
                        .count()
                / (double) users;
        double untreated = IntStream.range(0, users)
                        .filter(i -> IntStream.range(0, 4).anyMatch(w -> model.orders("u-" + i, w, false, false)))
                        .count()
                / (double) users;
        // four weeks are 28 of the 30 days
        assertThat(treated).isBetween(0.26, 0.31);
        assertThat(untreated).isBetween(0.09, 0.13);
    }

    @Test
    void aCouponBasketIsToppedUpWithUsualItemsToTheThreshold() {
        List<String> usual = List.of("whole milk", "domestic eggs");
        List<OrderPlaced.Line> plain = ResponseModel.basket(usual, null);
        assertThat(plain).hasSize(2);
        List<OrderPlaced.Line> topped = ResponseModel.basket(usual, new BigDecimal("50"));
        assertThat(ShopperEvents.subtotal(topped)).isGreaterThanOrEqualTo(new BigDecimal("50"));
        assertThat(topped).extracting(OrderPlaced.Line::sku).containsExactly("whole-milk", "domestic-eggs");
        assertThat(ResponseModel.basket(usual, new BigDecimal("50"))).isEqualTo(topped);
    }

    @Test
    void findsTheAvailableSpendAndSaveCouponInTheShoppersList() {
        String body = """
                {"userId":"g-1","coupons":[
                  {"couponId":"c-gift","kind":"free_gift","status":"available","threshold":null,"value":null},
                  {"couponId":"c-old","kind":"spend_save","status":"redeemed","threshold":50,"value":20},
                  {"couponId":"c-new","kind":"spend_save","status":"available","threshold":50.00,"value":20.00}]}""";
        Simulator.Coupon coupon = Simulator.coupon(body).orElseThrow();
        assertThat(coupon.id()).isEqualTo("c-new");
        assertThat(coupon.threshold()).isEqualByComparingTo("50");
        assertThat(coupon.value()).isEqualByComparingTo("20");
        assertThat(Simulator.coupon("{\"coupons\":[]}")).isEmpty();
    }
}
