package com.freshloop.marketing.coupons;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.marketing.v1.CouponIssued;
import com.freshloop.marketing.audit.AuditLog;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coupon templates and issuing coupons from them: idempotent per request id, never over the stock. */
@Service
public class Coupons {

    static final String SOURCE = "marketing-service";
    private static final BigDecimal MAX_PERCENTAGE = BigDecimal.valueOf(90);

    private final CouponRepository repository;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Coupons(CouponRepository repository, EventOutbox outbox, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CouponTemplate createTemplate(NewCouponTemplate request, String actor) {
        List<String> broken = kindRuleViolations(request);
        if (!broken.isEmpty()) {
            throw new UnprocessableException(String.join("; ", broken));
        }
        CouponTemplate template = new CouponTemplate(
                UUID.randomUUID(),
                request.name(),
                request.kind(),
                request.threshold(),
                request.value(),
                request.giftSku(),
                request.validDays(),
                request.totalStock(),
                request.perUserLimit(),
                0,
                request.budget(),
                BigDecimal.ZERO,
                actor,
                now());
        repository.insertTemplate(template);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", template.name());
        detail.put("kind", template.kind().wire());
        detail.put("threshold", template.threshold());
        detail.put("value", template.value());
        detail.put("giftSku", template.giftSku());
        detail.put("validDays", template.validDays());
        detail.put("totalStock", template.totalStock());
        detail.put("perUserLimit", template.perUserLimit());
        detail.put("budget", template.budget());
        audit.record(actor, "coupon_template.create", "coupon_template:" + template.id(), detail);
        return template;
    }

    @Transactional(readOnly = true)
    public List<CouponTemplate> templates() {
        return repository.templates();
    }

    @Transactional(readOnly = true)
    public CouponTemplate template(UUID id) {
        return repository
                .template(id)
                .orElseThrow(() -> new NotFoundException("There is no coupon template " + id + "."));
    }

    /**
     * Issues one coupon of the template to the user. The request id is claimed first, so a retried
     * request returns the coupon it issued before ({@code created} false); then the per-user limit and
     * the stock are each taken with one conditional statement, and any refusal rolls back the claim.
     */
    @Transactional
    public IssuedCoupon issue(UUID templateId, String userId, String requestId, String actor) {
        return issue(templateId, userId, requestId, actor, null);
    }

    /** As {@link #issue(UUID, String, String, String)}, on behalf of a campaign (carried on the coupon and its events). */
    @Transactional
    public IssuedCoupon issue(
            UUID templateId, String userId, String requestId, String actor, @Nullable String campaignId) {
        CouponTemplate template = template(templateId);
        Instant now = now();
        Coupon coupon = new Coupon(
                UUID.randomUUID(),
                templateId,
                userId,
                requestId,
                Coupon.AVAILABLE,
                now,
                now.plus(Duration.ofDays(template.validDays())));
        if (!repository.insertCoupon(coupon, campaignId, template.value())) {
            Coupon earlier = repository
                    .byRequestId(requestId, now)
                    .orElseThrow(() -> new IllegalStateException("request id " + requestId + " claimed but not found"));
            if (!earlier.templateId().equals(templateId) || !earlier.userId().equals(userId)) {
                throw new ConflictException("The requestId " + requestId + " was already used for another coupon.");
            }
            return new IssuedCoupon(earlier, template, false);
        }
        if (!repository.takeUserAllowance(templateId, userId, template.perUserLimit())) {
            throw new ConflictException("User " + userId + " already holds the limit of " + template.perUserLimit()
                    + " coupon(s) of template " + templateId + ".");
        }
        outbox.publish(EventEnvelope.of(
                SOURCE,
                userId,
                now,
                new CouponIssued(
                        coupon.id().toString(),
                        templateId.toString(),
                        campaignId,
                        template.kind().wire(),
                        template.value() == null ? BigDecimal.ZERO : template.value(),
                        coupon.expiresAt())));
        audit.record(
                actor,
                "coupon.issue",
                "coupon:" + coupon.id(),
                Map.of("templateId", templateId, "userId", userId, "requestId", requestId));
        // Last, so the template row (every issue of the template updates it) stays locked for the shortest time.
        if (!repository.takeStock(templateId, faceValue(template))) {
            CouponTemplate current = template(templateId);
            if (current.issued() < current.totalStock()) {
                throw new ConflictException("Coupon template " + templateId + " has used its budget: "
                        + current.budgetUsed() + " of " + current.budget() + " issued, and one more coupon is worth "
                        + faceValue(template) + ".");
            }
            throw new ConflictException("Coupon template " + templateId + " is out of stock.");
        }
        return new IssuedCoupon(coupon, template, true);
    }

    /**
     * Sets the value of an amount-off template (coupons issued before keep theirs). False, and nothing changes,
     * when the template is not amount-off, the value would reach a spend_save threshold, or the budget left
     * does not cover one more coupon at that value.
     */
    @Transactional
    public boolean changeValue(UUID templateId, BigDecimal value, String actor, String why) {
        CouponTemplate before = template(templateId);
        if (!repository.changeValue(templateId, value)) {
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before.value());
        detail.put("to", value);
        detail.put("why", why);
        audit.record(actor, "coupon_template.change_value", "coupon_template:" + templateId, detail);
        return true;
    }

    /** What one coupon of the template takes from its budget: the amount off of amount-off kinds, else nothing. */
    static BigDecimal faceValue(CouponTemplate template) {
        boolean amountOff = template.kind() == Kind.NO_THRESHOLD || template.kind() == Kind.SPEND_SAVE;
        return amountOff && template.value() != null ? template.value() : BigDecimal.ZERO;
    }

    @Transactional(readOnly = true)
    public List<HeldCoupon> heldBy(String userId) {
        return repository.heldBy(userId, clock.instant());
    }

    /** The rules that depend on the kind; field formats and ranges are checked at the API. */
    static List<String> kindRuleViolations(NewCouponTemplate t) {
        List<String> broken = new ArrayList<>();
        if (t.kind() != Kind.FREE_GIFT && t.giftSku() != null) {
            broken.add("giftSku: only a free_gift coupon has a gift");
        }
        if (t.budget() != null) {
            if (t.kind() != Kind.NO_THRESHOLD && t.kind() != Kind.SPEND_SAVE) {
                broken.add("budget: only amount-off coupons (no_threshold, spend_save) have a face value to budget");
            } else if (t.value() != null && t.budget().compareTo(t.value()) < 0) {
                broken.add("budget: must cover at least one coupon of the value");
            }
        }
        switch (t.kind()) {
            case NO_THRESHOLD -> {
                require(broken, t.value(), "value: a no_threshold coupon needs a value");
                if (t.threshold() != null) {
                    broken.add("threshold: a no_threshold coupon has no threshold");
                }
            }
            case SPEND_SAVE -> {
                require(broken, t.threshold(), "threshold: a spend_save coupon needs a threshold");
                require(broken, t.value(), "value: a spend_save coupon needs a value");
                if (t.threshold() != null && t.value() != null && t.threshold().compareTo(t.value()) <= 0) {
                    broken.add("threshold: must be greater than the value of a spend_save coupon");
                }
            }
            case PERCENTAGE -> {
                require(broken, t.value(), "value: a percentage coupon needs a value");
                if (t.value() != null
                        && (t.value().compareTo(BigDecimal.ONE) < 0 || t.value().compareTo(MAX_PERCENTAGE) > 0)) {
                    broken.add("value: the percentage of a percentage coupon must be between 1 and 90");
                }
            }
            case FREE_GIFT -> {
                if (t.giftSku() == null || t.giftSku().isBlank()) {
                    broken.add("giftSku: a free_gift coupon needs a giftSku");
                }
                if (t.value() != null) {
                    broken.add("value: a free_gift coupon has no value; it gives the giftSku");
                }
            }
        }
        return broken;
    }

    private static void require(List<String> broken, @Nullable Object value, String message) {
        if (value == null) {
            broken.add(message);
        }
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes what we return equal what we store.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
