package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A kind of coupon and its stock.
 *
 * @param threshold the spend a {@code spend_save} coupon needs
 * @param value the amount off, or the percentage off for {@code percentage}
 * @param giftSku the gift of a {@code free_gift} coupon
 * @param issued how many coupons have been issued; never more than {@code totalStock}
 * @param budget the total face value the template may issue ({@code no_threshold} and {@code spend_save}
 *     only); none means no cap besides the stock
 * @param budgetUsed the face value issued so far; never more than {@code budget}
 */
public record CouponTemplate(
        UUID id,
        String name,
        Kind kind,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal value,
        @Nullable String giftSku,
        int validDays,
        int totalStock,
        int perUserLimit,
        int issued,
        @Nullable BigDecimal budget,
        BigDecimal budgetUsed,
        String createdBy,
        Instant createdAt) {

    /** How many more coupons may be issued: the stock left, and no more than the budget left covers. */
    public long remainingIssues() {
        long byStock = Math.max(0, (long) totalStock - issued);
        if (budget == null || value == null || value.signum() <= 0) {
            return byStock;
        }
        long byBudget = budget.subtract(budgetUsed).divideToIntegralValue(value).longValue();
        return Math.max(0, Math.min(byStock, byBudget));
    }
}
