package com.freshloop.membership.member;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.membership.v1.PointsDebited;
import com.freshloop.events.membership.v1.TierChanged;
import com.freshloop.membership.audit.AuditLog;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth, tiers and points. Every change of a member locks its row first, so balances change one
 * at a time and a spend can never take the balance below zero (the database checks that too).
 */
@Service
public class Memberships {

    static final String SOURCE = "membership-service";
    static final String ORDERS_CONSUMER = "membership-service.member";
    static final String ORDER_REASON = "order";
    static final String SPEND_REASON = "redeem";

    private final MemberRepository members;
    private final Tiers tiers;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Memberships(
            MemberRepository members,
            Tiers tiers,
            ProcessedEvents processed,
            EventOutbox outbox,
            AuditLog audit,
            Clock clock) {
        this.members = members;
        this.tiers = tiers;
        this.processed = processed;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** The member's standing; someone who never ordered is a member at the entry tier with nothing yet. */
    @Transactional(readOnly = true)
    public Member member(String userId) {
        return members.find(userId).orElseGet(() -> new Member(userId, tiers.entry(), BigDecimal.ZERO.setScale(2), 0));
    }

    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(String userId, int limit) {
        return members.ledger(userId, limit);
    }

    /** An order adds its total to the growth value and one point per whole yuan, once per order event. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order)
                || event.subject() == null
                || !processed.firstDelivery(ORDERS_CONSUMER, event.id())) {
            return;
        }
        String userId = event.subject();
        BigDecimal total =
                order.total() == null ? BigDecimal.ZERO : order.total().max(BigDecimal.ZERO);
        long earned = total.setScale(0, RoundingMode.FLOOR).longValueExact();

        Member before = members.lock(userId, tiers.entry());
        BigDecimal growth = before.growth().add(total);
        String tier = tiers.forGrowth(growth);
        long balance = before.points() + earned;
        members.update(userId, tier, growth, balance);

        if (earned > 0) {
            members.append(userId, earned, ORDER_REASON, "order:" + event.id(), balance);
            outbox.publish(
                    EventEnvelope.of(SOURCE, userId, event.time(), new PointsCredited(earned, ORDER_REASON, balance)));
        }
        if (!tier.equals(before.tier())) {
            outbox.publish(EventEnvelope.of(SOURCE, userId, event.time(), new TierChanged(before.tier(), tier)));
        }
    }

    /** An operator grants points (goodwill, compensation); repeating a request id repeats the answer. */
    @Transactional
    public Posting credit(String userId, long points, String reason, String requestId, String actor) {
        Member member = members.lock(userId, tiers.entry());
        String key = "credit:" + userId + ":" + requestId;
        var earlier = members.entry(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), points, requestId);
        }
        long balance = member.points() + points;
        members.update(userId, member.tier(), member.growth(), balance);
        LedgerEntry entry = members.append(userId, points, reason, key, balance);
        audit.record(
                actor,
                "points.credit",
                "user:" + userId,
                Map.of("points", points, "reason", reason, "requestId", requestId, "balance", balance));
        outbox.publish(EventEnvelope.of(SOURCE, userId, now(), new PointsCredited(points, reason, balance)));
        return new Posting(entry, true);
    }

    /** A shopper spends points; refused when the balance is short. Repeating a request id repeats the answer. */
    @Transactional
    public Posting spend(String userId, long points, String requestId) {
        Member member = members.lock(userId, tiers.entry());
        String key = "spend:" + userId + ":" + requestId;
        var earlier = members.entry(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), -points, requestId);
        }
        if (member.points() < points) {
            throw new ConflictException(
                    "Not enough points: the balance is " + member.points() + ", the spend needs " + points + ".");
        }
        long balance = member.points() - points;
        members.update(userId, member.tier(), member.growth(), balance);
        LedgerEntry entry = members.append(userId, -points, SPEND_REASON, key, balance);
        outbox.publish(EventEnvelope.of(SOURCE, userId, now(), new PointsDebited(points, SPEND_REASON, balance)));
        return new Posting(entry, true);
    }

    private static Posting replay(LedgerEntry earlier, long delta, String requestId) {
        if (earlier.delta() != delta) {
            throw new ConflictException("Request id " + requestId + " was already used for a different amount.");
        }
        return new Posting(earlier, false);
    }

    private Instant now() {
        return clock.instant();
    }
}
