package com.freshloop.membership.member;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.membership.v1.PointsDebited;
import com.freshloop.events.membership.v1.TierChanged;
import com.freshloop.events.supply.v1.DeliveryLate;
import com.freshloop.membership.MembershipProperties;
import com.freshloop.membership.audit.AuditLog;
import com.freshloop.membership.rules.RewardRules;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growth, tiers and points. Every change of a member locks its row first, so balances change one
 * at a time and a spend can never take the balance below zero (the database checks that too).
 * Other features (check-in, garden, leaderboard) pay points and growth through {@link #award} and
 * {@link #addGrowth}, each idempotent by a key of the caller's choosing.
 */
@Service
public class Memberships {

    static final String SOURCE = "membership-service";
    static final String ORDERS_CONSUMER = "membership-service.member";
    static final String REVIEWS_CONSUMER = "membership-service.review";
    static final String LATE_CONSUMER = "membership-service.compensation";
    static final String ORDER_REASON = "order";
    static final String SPEND_REASON = "redeem";
    static final String EXPIRY_REASON = "expiry";
    static final String LATE_REASON = "late_delivery";
    static final String REFERRAL_REASON = "referral";

    private final MemberRepository members;
    private final Tiers tiers;
    private final RewardRules rewards;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final int growthWindowMonths;

    Memberships(
            MemberRepository members,
            Tiers tiers,
            RewardRules rewards,
            ProcessedEvents processed,
            EventOutbox outbox,
            AuditLog audit,
            Clock clock,
            MembershipProperties properties) {
        this.members = members;
        this.tiers = tiers;
        this.rewards = rewards;
        this.processed = processed;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.zone = properties.zone();
        this.growthWindowMonths = properties.growthWindowMonths();
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

    /** What the member's tier (or running paid membership) gives right now. */
    @Transactional(readOnly = true)
    public Benefits benefits(String userId) {
        Member member = member(userId);
        TierRule rule = tiers.rule(member.tier());
        Instant now = now();
        Instant paidUntil = member.paidUntil() != null && member.paidUntil().isAfter(now) ? member.paidUntil() : null;
        return new Benefits(
                userId,
                member.tier(),
                paidUntil != null,
                paidUntil,
                member.tierGraceUntil(),
                rule.freeDelivery(),
                rule.memberPrices(),
                rule.birthdayGift(),
                rule.exclusiveCoupons());
    }

    /**
     * Events that move growth or points, each applied once per event id: an order adds its total to
     * the growth value and one point per whole yuan; a review adds growth (capped per day); a late
     * delivery pays the compensation points supply decided on; a referral reward (marketing's
     * {@code referral.rewarded}, subject = the referrer) pays the referrer the points marketing recorded.
     */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.subject() == null) {
            return;
        }
        if (event.data() instanceof OrderPlaced order) {
            order(event, order);
        } else if (event.data() instanceof ReviewPosted) {
            review(event);
        } else if (event.data() instanceof DeliveryLate late) {
            late(event, late);
        } else if (event.data() instanceof ReferralRewarded referral) {
            referral(event, referral);
        }
    }

    private void order(EventEnvelope<EventData> event, OrderPlaced order) {
        if (!processed.firstDelivery(ORDERS_CONSUMER, event.id())) {
            return;
        }
        String userId = Objects.requireNonNull(event.subject());
        BigDecimal total =
                order.total() == null ? BigDecimal.ZERO : order.total().max(BigDecimal.ZERO);
        long earned = total.setScale(0, RoundingMode.FLOOR).longValueExact();
        Instant at = at(event);

        Member before = members.lock(userId, tiers.entry());
        long balance = before.points() + earned;
        members.update(userId, before.tier(), before.growth().add(total), balance);
        if (earned > 0) {
            members.append(userId, earned, ORDER_REASON, "order:" + event.id(), balance);
            outbox.publish(
                    EventEnvelope.of(SOURCE, userId, event.time(), new PointsCredited(earned, ORDER_REASON, balance)));
        }
        if (total.signum() > 0) {
            members.appendGrowth(userId, total, ORDER_REASON, "order:" + event.id(), at);
        }
        retier(before, now());
    }

    private void review(EventEnvelope<EventData> event) {
        if (!processed.firstDelivery(REVIEWS_CONSUMER, event.id())) {
            return;
        }
        String userId = Objects.requireNonNull(event.subject());
        Instant startOfDay = now().atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        members.lock(userId, tiers.entry());
        if (members.growthEntriesSince(userId, "review", startOfDay) >= rewards.get("review-daily-cap")) {
            return;
        }
        addGrowth(userId, BigDecimal.valueOf(rewards.get("review-growth")), "review", "review:" + event.id());
    }

    private void late(EventEnvelope<EventData> event, DeliveryLate late) {
        if (!processed.firstDelivery(LATE_CONSUMER, event.id()) || late.compensationPoints() <= 0) {
            return;
        }
        award(Objects.requireNonNull(event.subject()), late.compensationPoints(), LATE_REASON, "late:" + event.id());
    }

    /**
     * Credits the referrer once per event id (ledger key {@code referral:<event id>}); an invalid reward is
     * refused with an {@link IllegalArgumentException}, which sends the record to the dead-letter topic.
     */
    private void referral(EventEnvelope<EventData> event, ReferralRewarded referral) {
        var violations = referral.violations();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid referral.rewarded " + event.id() + ": " + violations);
        }
        award(Objects.requireNonNull(event.subject()), referral.points(), REFERRAL_REASON, "referral:" + event.id());
    }

    /**
     * Credits points once per idempotency key, in the caller's transaction; false if the key was
     * used before. Publishes PointsCredited.
     */
    @Transactional
    public boolean award(String userId, long points, String reason, String key) {
        if (points <= 0) {
            return false;
        }
        Member member = members.lock(userId, tiers.entry());
        if (members.entry(key).isPresent()) {
            return false;
        }
        long balance = member.points() + points;
        members.update(userId, member.tier(), member.growth(), balance);
        members.append(userId, points, reason, key, balance);
        outbox.publish(EventEnvelope.of(SOURCE, userId, now(), new PointsCredited(points, reason, balance)));
        return true;
    }

    /** Adds growth value once per key (check-in streaks, reviews); may raise the tier at once. */
    @Transactional
    public boolean addGrowth(String userId, BigDecimal amount, String source, String key) {
        if (amount.signum() <= 0) {
            return false;
        }
        Member before = members.lock(userId, tiers.entry());
        Instant now = now();
        if (!members.appendGrowth(userId, amount, source, key, now)) {
            return false;
        }
        members.update(userId, before.tier(), before.growth().add(amount), before.points());
        retier(before, now);
        return true;
    }

    /** Upgrades happen at once; a member back above their tier's threshold loses a pending downgrade. */
    private void retier(Member before, Instant now) {
        String earned = tiers.forGrowth(members.growthSince(before.userId(), windowStart(now)));
        if (tiers.rank(earned) < tiers.rank(before.tier())) {
            return;
        }
        String tier = tiers.higher(before.tier(), earned);
        if (!tier.equals(before.tier()) || before.tierGraceUntil() != null) {
            members.updateTierState(before.userId(), tier, null, before.paidUntil());
        }
        tierChanged(before.userId(), before.tier(), tier);
    }

    /**
     * The daily tier decision for one member: a paid membership that ran out ends at once; a tier
     * whose growth value (over the window) has fallen below its threshold is kept until the end of
     * the next month, then lowered to what the growth value earns.
     */
    @Transactional
    public void recalculateTier(String userId) {
        Instant now = now();
        Member member = members.lock(userId, tiers.entry());
        boolean paidActive = member.paidUntil() != null && member.paidUntil().isAfter(now);
        boolean paidEnded = member.paidUntil() != null && !paidActive;
        String earned = tiers.forGrowth(members.growthSince(userId, windowStart(now)));
        String deserved = paidActive ? tiers.higher(earned, tiers.paid()) : earned;
        Instant paidUntil = paidActive ? member.paidUntil() : null;

        String tier = member.tier();
        Instant grace = member.tierGraceUntil();
        if (tiers.rank(deserved) >= tiers.rank(member.tier())) {
            tier = deserved;
            grace = null;
        } else if (paidEnded) {
            tier = deserved;
            grace = null;
        } else if (grace == null) {
            grace = endOfNextMonth(now);
        } else if (!now.isBefore(grace)) {
            tier = deserved;
            grace = null;
        }
        if (!tier.equals(member.tier())
                || !Objects.equals(grace, member.tierGraceUntil())
                || !Objects.equals(paidUntil, member.paidUntil())) {
            members.updateTierState(userId, tier, grace, paidUntil);
        }
        tierChanged(userId, member.tier(), tier);
    }

    /** Members the daily tier job looks at: everyone above the entry tier or with a paid period. */
    @Transactional(readOnly = true)
    public List<String> tierCandidates() {
        return members.aboveEntryTierOrPaid(tiers.entry());
    }

    /**
     * Expires, oldest first, the points credited more than {@code points-expiry-months} ago and not
     * yet used: credits before the cutoff minus everything debited so far (debits use the oldest
     * points first). A ledger debit, never beyond the balance; at most once per user and day.
     */
    @Transactional
    public long expirePoints(String userId) {
        Instant now = now();
        Member member = members.lock(userId, tiers.entry());
        long stale = members.creditedBefore(userId, expiryCutoff(now)) - members.debitedTotal(userId);
        long expired = Math.min(stale, member.points());
        String key = "expiry:" + userId + ":" + now.atZone(zone).toLocalDate();
        if (expired <= 0 || members.entry(key).isPresent()) {
            return 0;
        }
        long balance = member.points() - expired;
        members.update(userId, member.tier(), member.growth(), balance);
        members.append(userId, -expired, EXPIRY_REASON, key, balance);
        outbox.publish(EventEnvelope.of(SOURCE, userId, now, new PointsDebited(expired, EXPIRY_REASON, balance)));
        return expired;
    }

    @Transactional(readOnly = true)
    public List<String> expiryCandidates() {
        return members.withPointsCreditedBefore(expiryCutoff(now()));
    }

    /**
     * A paid membership: an operator's grant ({@code actor} set, audited) or the record of a
     * shopper's purchase. Extends a running period; idempotent by source and reference.
     */
    @Transactional
    public PaidMembership grantPaid(
            String userId, int months, String source, String reference, @Nullable String actor) {
        Member member = members.lock(userId, tiers.entry());
        String key = "paid:" + source + ":" + userId + ":" + reference;
        var earlier = members.paidPeriod(key);
        if (earlier.isPresent()) {
            if (earlier.get().months() != months) {
                throw new ConflictException("Reference " + reference + " was already used for a different period.");
            }
            return earlier.get();
        }
        Instant now = now();
        Instant start = member.paidUntil() != null && member.paidUntil().isAfter(now) ? member.paidUntil() : now;
        Instant until = start.atZone(zone).plusMonths(months).toInstant().truncatedTo(ChronoUnit.SECONDS);
        members.appendPaidPeriod(userId, months, source, reference, key, until);
        String tier = tiers.higher(member.tier(), tiers.paid());
        members.updateTierState(userId, tier, null, until);
        if (actor != null) {
            audit.record(
                    actor,
                    "paid-membership.grant",
                    "user:" + userId,
                    Map.of("months", months, "reference", reference, "paidUntil", until.toString()));
        }
        tierChanged(userId, member.tier(), tier);
        return new PaidMembership(userId, months, source, reference, until, true);
    }

    @Transactional(readOnly = true)
    public List<TierRule> tierRules() {
        return tiers.rules();
    }

    /** An operator changes a tier's threshold or benefits (audited); the set of tiers stays configuration. */
    @Transactional
    public TierRule setTierRule(TierRule rule, String actor) {
        if (!tiers.exists(rule.tier())) {
            throw new NotFoundException("No tier named " + rule.tier() + ".");
        }
        boolean entry = rule.tier().equals(tiers.entry());
        if (entry != (rule.minGrowth().signum() == 0)) {
            throw new UnprocessableException(
                    entry
                            ? "The entry tier " + rule.tier() + " must start at growth 0."
                            : "Only the entry tier starts at growth 0; " + rule.tier()
                                    + " needs a positive threshold.");
        }
        boolean clash = tiers.rules().stream()
                .anyMatch(r -> !r.tier().equals(rule.tier()) && r.minGrowth().compareTo(rule.minGrowth()) == 0);
        if (clash) {
            throw new UnprocessableException("Another tier already starts at growth " + rule.minGrowth() + ".");
        }
        TierRule before = tiers.rule(rule.tier());
        members.upsertTierRule(rule);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before);
        detail.put("to", rule);
        audit.record(actor, "tier-rule.set", "tier:" + rule.tier(), detail);
        return rule;
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

    private void tierChanged(String userId, String from, String to) {
        if (!from.equals(to)) {
            outbox.publish(EventEnvelope.of(SOURCE, userId, now(), new TierChanged(from, to)));
        }
    }

    private static Posting replay(LedgerEntry earlier, long delta, String requestId) {
        if (earlier.delta() != delta) {
            throw new ConflictException("Request id " + requestId + " was already used for a different amount.");
        }
        return new Posting(earlier, false);
    }

    private Instant windowStart(Instant now) {
        return now.atZone(zone).minusMonths(growthWindowMonths).toInstant();
    }

    private Instant expiryCutoff(Instant now) {
        return now.atZone(zone).minusMonths(rewards.get("points-expiry-months")).toInstant();
    }

    /** The first instant after the end of the month following {@code now}'s month, in the business zone. */
    Instant endOfNextMonth(Instant now) {
        return now.atZone(zone)
                .toLocalDate()
                .withDayOfMonth(1)
                .plusMonths(2)
                .atStartOfDay(zone)
                .toInstant();
    }

    private Instant at(EventEnvelope<?> event) {
        return event.time() == null ? now() : event.time();
    }

    private Instant now() {
        return clock.instant();
    }
}
