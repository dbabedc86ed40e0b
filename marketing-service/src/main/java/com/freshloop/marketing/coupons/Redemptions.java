package com.freshloop.marketing.coupons;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.marketing.v1.CouponRedeemed;
import com.freshloop.events.marketing.v1.CouponRestored;
import com.freshloop.marketing.audit.AuditLog;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ApiException;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Redeeming coupons exactly once, and giving them back when the order is returned.
 *
 * <p>Restore rule: a redeemed coupon becomes available again (CouponRestored) when every unit of every line
 * of the order that redeemed it has been returned, and only while the coupon is still within its validity.
 * A partial return keeps the coupon redeemed; an expired coupon is never restored.
 */
@Service
public class Redemptions {

    static final String CONSUMER = "marketing-service.redemptions";
    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RedemptionRepository repository;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Redemptions(
            RedemptionRepository repository,
            ProcessedEvents processed,
            EventOutbox outbox,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.processed = processed;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Redeems the user's coupon on an order. A coupon that is no longer available (already redeemed by a
     * replayed or racing request, or expired) is a 409 and nothing changes.
     */
    @Transactional
    public Redemption redeem(
            UUID couponId, String userId, String orderId, @Nullable BigDecimal subtotal, List<OrderLine> lines) {
        var coupon = repository
                .coupon(couponId)
                .filter(c -> c.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("User " + userId + " holds no coupon " + couponId + "."));
        BigDecimal discount = discount(coupon, subtotal);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!repository.markRedeemed(couponId, userId, orderId, now)) {
            throw new ConflictException(
                    "Coupon " + couponId + " is not available: it was redeemed already or has expired.");
        }
        Redemption redemption = new Redemption(couponId, orderId, userId, coupon.campaignId(), discount, now);
        repository.insertRedemption(redemption, lines);
        outbox.publish(EventEnvelope.of(
                Coupons.SOURCE,
                userId,
                now,
                new CouponRedeemed(couponId.toString(), orderId, coupon.campaignId(), discount)));
        return redemption;
    }

    /** An operator redeems on a shopper's behalf (e.g. an order taken by phone); audited. */
    @Transactional
    public Redemption redeemFor(
            UUID couponId, String userId, String orderId, @Nullable BigDecimal subtotal, String actor) {
        Redemption redemption = redeem(couponId, userId, orderId, subtotal, List.of());
        audit.record(
                actor,
                "coupon.redeem",
                "coupon:" + couponId,
                Map.of("userId", userId, "orderId", orderId, "discount", redemption.discount()));
        return redemption;
    }

    /** Applies one behaviour event: orders carrying a coupon redeem it, returns may restore it. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.subject() == null) {
            return;
        }
        if (event.data() instanceof OrderPlaced order && order.couponId() != null) {
            if (!processed.firstDelivery(CONSUMER, event.id())) {
                return;
            }
            UUID couponId = parse(order.couponId());
            if (couponId == null) {
                log.warn("order {} carries coupon id {} which is not ours", order.orderId(), order.couponId());
                return;
            }
            List<OrderLine> lines = order.lines() == null
                    ? List.of()
                    : order.lines().stream()
                            .map(l -> new OrderLine(l.sku(), l.quantity()))
                            .toList();
            try {
                redeem(couponId, event.subject(), order.orderId(), order.subtotal(), lines);
            } catch (ApiException refused) {
                // The order was taken anyway; the coupon stays as it was and the refusal is only logged.
                log.warn("order {} could not redeem coupon {}: {}", order.orderId(), couponId, refused.getMessage());
            }
        } else if (event.data() instanceof ReturnRequested returned) {
            if (!processed.firstDelivery(CONSUMER, event.id())) {
                return;
            }
            restoreAfterReturn(event.subject(), returned);
        }
    }

    private void restoreAfterReturn(String userId, ReturnRequested returned) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (UUID couponId : repository.recordReturn(returned.orderId(), returned.sku(), returned.quantity())) {
            if (repository.wholeOrderReturned(couponId, returned.orderId())
                    && repository.restore(couponId, returned.orderId(), now)) {
                outbox.publish(EventEnvelope.of(
                        Coupons.SOURCE, userId, now, new CouponRestored(couponId.toString(), returned.orderId())));
            }
        }
    }

    /** What the coupon takes off this order; a spend_save coupon below its threshold does not apply. */
    private static BigDecimal discount(RedemptionRepository.RedeemableCoupon coupon, @Nullable BigDecimal subtotal) {
        return switch (coupon.kind()) {
            case NO_THRESHOLD -> orZero(coupon.value());
            case SPEND_SAVE -> {
                if (subtotal != null && coupon.threshold() != null && subtotal.compareTo(coupon.threshold()) < 0) {
                    throw new UnprocessableException("The order's subtotal " + subtotal
                            + " is below the coupon's threshold " + coupon.threshold() + ".");
                }
                yield orZero(coupon.value());
            }
            case PERCENTAGE ->
                subtotal == null
                        ? BigDecimal.ZERO
                        : subtotal.multiply(orZero(coupon.value())).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            case FREE_GIFT -> BigDecimal.ZERO;
        };
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static @Nullable UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
