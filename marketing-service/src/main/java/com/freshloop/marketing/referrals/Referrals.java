package com.freshloop.marketing.referrals;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.starter.web.UnprocessableException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Share-for-points referrals. A shopper gets one referral code; a new user (no orders yet) binds one code,
 * once; the referrer is credited {@code points} when that user's first {@code order.placed} arrives. A code
 * is refused as a self-referral when it is the user's own, or when the binding device is the device the
 * code was handed out to. The credit is recorded here ({@code referral.points}) and, in the same transaction,
 * published through the outbox as {@code referral.rewarded} (subject = the referrer), from which
 * membership-service adds the points to the referrer's ledger.
 */
@Service
public class Referrals {

    static final String CONSUMER = "marketing-service.referrals";
    static final String SOURCE = "marketing-service";
    private static final Logger log = LoggerFactory.getLogger(Referrals.class);
    // No 0/O, 1/I/L: codes are read aloud and typed.
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 8;

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final Clock clock;
    private final int points;
    private final SecureRandom random = new SecureRandom();

    Referrals(
            JdbcClient jdbc,
            ProcessedEvents processed,
            EventOutbox outbox,
            Clock clock,
            @Value("${freshloop.marketing.referrals.points:100}") int points) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.outbox = outbox;
        this.clock = clock;
        this.points = points;
    }

    /** The user's referral code, created on first ask; the device, if given, is remembered for self-referral checks. */
    @Transactional
    public String codeOf(String userId, @Nullable String deviceId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<String> existing = existingCode(userId);
            if (existing.isPresent()) {
                if (deviceId != null) {
                    jdbc.sql("update referral_code set device_id = :d where user_id = :u and device_id is null")
                            .param("d", deviceId)
                            .param("u", userId)
                            .update();
                }
                return existing.get();
            }
            jdbc.sql("""
                            insert into referral_code (user_id, code, device_id, created_at)
                            values (:u, :code, :d, :at)
                            on conflict do nothing
                            """)
                    .param("u", userId)
                    .param("code", newCode())
                    .param("d", deviceId)
                    .param("at", Timestamp.from(now()))
                    .update();
            // Inserted, or a parallel first ask won, or (rarely) the random code was taken: look again.
        }
        throw new IllegalStateException("no free referral code after 5 attempts");
    }

    /**
     * A new user binds a referral code. 404 for an unknown code; 422 for a self-referral or a user who has
     * ordered before; 409 when the user was referred with another code already. Binding the same code again
     * returns the earlier binding.
     */
    @Transactional
    public Binding bind(String inviteeId, String rawCode, @Nullable String deviceId) {
        String code = rawCode.strip().toUpperCase(Locale.ROOT);
        record Owner(String userId, @Nullable String deviceId) {}
        Owner owner = jdbc.sql("select user_id, device_id from referral_code where code = :c")
                .param("c", code)
                .query((rs, i) -> new Owner(rs.getString("user_id"), rs.getString("device_id")))
                .optional()
                .orElseThrow(() -> new NotFoundException("There is no referral code " + code + "."));
        if (owner.userId().equals(inviteeId)) {
            throw new UnprocessableException("code: this is your own referral code; self-referral earns nothing.");
        }
        if (deviceId != null && deviceId.equals(owner.deviceId())) {
            throw new UnprocessableException(
                    "code: this device received the referral code itself; self-referral earns nothing.");
        }
        Optional<Binding> earlier = bindingOf(inviteeId);
        if (earlier.isPresent()) {
            if (earlier.get().code().equals(code)) {
                return earlier.get();
            }
            throw new ConflictException("You were already referred with another code; a user is referred once.");
        }
        if (hasOrdered(inviteeId)) {
            throw new UnprocessableException("code: referral codes are for new users; you have ordered before.");
        }
        boolean inserted = jdbc.sql("""
                                insert into referral (invitee_id, referrer_id, code, device_id, status, bound_at)
                                values (:i, :r, :c, :d, 'pending', :at)
                                on conflict (invitee_id) do nothing
                                """)
                        .param("i", inviteeId)
                        .param("r", owner.userId())
                        .param("c", code)
                        .param("d", deviceId)
                        .param("at", Timestamp.from(now()))
                        .update()
                == 1;
        Binding binding = bindingOf(inviteeId).orElseThrow();
        if (!inserted && !binding.code().equals(code)) {
            throw new ConflictException("You were already referred with another code; a user is referred once.");
        }
        return new Binding(binding.code(), binding.status(), binding.boundAt(), inserted);
    }

    /**
     * On the referred user's first {@code order.placed}: credit the referrer, once, and publish
     * {@code referral.rewarded} in the same transaction, so membership adds the points exactly when the credit
     * is recorded.
     */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order)
                || event.subject() == null
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        String invitee = event.subject();
        Instant at = now();
        record Credited(String referrerId, String code) {}
        List<Credited> credited = jdbc.sql("""
                        update referral set status = 'credited', points = :p, order_id = :o, credited_at = :at
                         where invitee_id = :i and status = 'pending'
                        returning referrer_id, code
                        """)
                .param("p", points)
                .param("o", order.orderId())
                .param("at", Timestamp.from(at))
                .param("i", invitee)
                .query((rs, i) -> new Credited(rs.getString("referrer_id"), rs.getString("code")))
                .list();
        for (Credited referral : credited) {
            if (points > 0) {
                outbox.publish(EventEnvelope.of(
                        SOURCE, referral.referrerId(), at, new ReferralRewarded(invitee, points, referral.code())));
            }
            log.info(
                    "referrer {} credited {} points for the first order {} of a referred user",
                    referral.referrerId(),
                    points,
                    order.orderId());
        }
    }

    @Transactional(readOnly = true)
    public MyReferrals of(String userId) {
        List<Referral> referred = jdbc.sql("""
                        select invitee_id, status, points, bound_at, credited_at from referral
                         where referrer_id = :u order by bound_at desc, invitee_id
                        """)
                .param("u", userId)
                .query((rs, i) -> {
                    Timestamp credited = rs.getTimestamp("credited_at");
                    return new Referral(
                            mask(rs.getString("invitee_id")),
                            rs.getString("status"),
                            rs.getInt("points"),
                            rs.getTimestamp("bound_at").toInstant(),
                            credited == null ? null : credited.toInstant());
                })
                .list();
        long earned = referred.stream().mapToLong(Referral::points).sum();
        return new MyReferrals(userId, existingCode(userId).orElse(null), earned, referred);
    }

    /** Keeps the first and last two characters: enough for the referrer to recognise, not to identify. */
    static String mask(String userId) {
        if (userId.length() <= 4) {
            return "*".repeat(userId.length());
        }
        return userId.substring(0, 2) + "*".repeat(userId.length() - 4) + userId.substring(userId.length() - 2);
    }

    String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    private Optional<String> existingCode(String userId) {
        return jdbc.sql("select code from referral_code where user_id = :u")
                .param("u", userId)
                .query(String.class)
                .optional();
    }

    private Optional<Binding> bindingOf(String inviteeId) {
        return jdbc.sql("select code, status, bound_at from referral where invitee_id = :i")
                .param("i", inviteeId)
                .query((rs, i) -> new Binding(
                        rs.getString("code"),
                        rs.getString("status"),
                        rs.getTimestamp("bound_at").toInstant(),
                        false))
                .optional();
    }

    /** Whether marketing has seen an order of the user (its projection of order.placed, per SKU). */
    private boolean hasOrdered(String userId) {
        return jdbc.sql("select count(*) from shopper_sku where user_id = :u")
                        .param("u", userId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
