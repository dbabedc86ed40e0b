package com.freshloop.marketing.claims;

import com.freshloop.marketing.coupons.CouponTemplate;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.coupons.IssuedCoupon;
import com.freshloop.starter.web.ApiException;
import com.freshloop.starter.web.ConflictException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Flash claims: Redis decides atomically who gets one of the limited coupons (stock and per-user limit);
 * only the winners reach the database, where the conditional stock update and the per-user holding remain
 * the final guard. A winner whose database issue fails for a technical reason gets the Redis slot back; a
 * business refusal (the database stock is exhausted, e.g. by operator issues) keeps it taken.
 */
@Service
public class Claims {

    private final ClaimStock stock;
    private final Coupons coupons;
    // Caching templates keeps the thousands of losing claims of a flash sale away from the database entirely.
    // Only the stock, budget and limit matter here, and only for the first claim, which sets the Redis stock
    // once; a later change of a template's value (a strategy adjustment) is caught by the database's budget
    // check, the final guard.
    private final Map<UUID, CouponTemplate> templates = new ConcurrentHashMap<>();

    Claims(ClaimStock stock, Coupons coupons) {
        this.stock = stock;
        this.coupons = coupons;
    }

    public IssuedCoupon claim(UUID templateId, String userId) {
        CouponTemplate template = templates.computeIfAbsent(templateId, coupons::template);
        // The stock left, and no more than the budget left covers; the database remains the final guard.
        long slot = stock.take(templateId, template.remainingIssues(), userId, template.perUserLimit());
        if (slot == ClaimStock.USER_LIMIT) {
            throw new ConflictException("You already claimed the limit of " + template.perUserLimit()
                    + " coupon(s) of template " + templateId + ".");
        }
        if (slot == ClaimStock.OUT_OF_STOCK) {
            throw new ConflictException("Coupon template " + templateId + " is out of stock (or its budget is used).");
        }
        // The request id derives from the user's claim number: a retry of the same slot finds its coupon.
        String requestId = UUID.nameUUIDFromBytes(
                        ("claim|" + templateId + "|" + userId + "|" + slot).getBytes(StandardCharsets.UTF_8))
                .toString();
        try {
            return coupons.issue(templateId, userId, requestId, "claim:" + userId);
        } catch (ApiException refused) {
            throw refused;
        } catch (RuntimeException failure) {
            stock.giveBack(templateId, userId);
            throw failure;
        }
    }
}
