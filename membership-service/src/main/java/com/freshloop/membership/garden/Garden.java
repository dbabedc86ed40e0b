package com.freshloop.membership.garden;

import com.freshloop.membership.MembershipProperties;
import com.freshloop.membership.member.Memberships;
import com.freshloop.membership.rules.RewardRules;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grow-your-vegetables game. Water comes only from real actions (check-in, order, a share that
 * someone else opened), each source capped per day in the business zone so the game cannot be
 * farmed; the crop row is locked while watering, so the caps hold under concurrency. A ripe crop is
 * harvested once, for points.
 */
@Service
public class Garden {

    /** What can be planted. */
    public static final Set<String> CROPS = Set.of("bok_choy", "tomato", "cucumber", "strawberry", "scallion");

    /** Where water comes from. */
    public static final Set<String> SOURCES = Set.of("checkin", "order", "share");

    static final String HARVEST_REASON = "garden_harvest";

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final RewardRules rewards;
    private final Clock clock;
    private final ZoneId zone;

    Garden(
            JdbcClient jdbc,
            Memberships memberships,
            RewardRules rewards,
            Clock clock,
            MembershipProperties properties) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.rewards = rewards;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Transactional(readOnly = true)
    public Optional<Crop> current(String userId) {
        return growing(userId, false);
    }

    /** Plants a crop; one growing crop at a time (a unique index decides a race). */
    @Transactional
    public Crop plant(String userId, String crop) {
        if (growing(userId, true).isPresent()) {
            throw new ConflictException("A crop is already growing; harvest it before planting another.");
        }
        int inserted = jdbc.sql("""
                        insert into garden_crop (user_id, crop, planted_at) values (:user, :crop, :at)
                        on conflict (user_id) where harvested_at is null do nothing
                        """)
                .param("user", userId)
                .param("crop", crop)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) {
            throw new ConflictException("A crop is already growing; harvest it before planting another.");
        }
        return growing(userId, false).orElseThrow();
    }

    /**
     * Waters the user's growing crop for an action, once per key and within the source's daily cap;
     * false when nothing was watered (no crop, capped, or a repeat).
     */
    @Transactional
    public boolean water(String userId, String source, String key) {
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException("unknown watering source " + source);
        }
        var crop = growing(userId, true);
        if (crop.isEmpty()) {
            return false;
        }
        LocalDate day = LocalDate.now(clock.withZone(zone));
        long today = jdbc.sql("""
                        select count(*) from garden_watering where user_id = :user and day = :day and source = :source
                        """)
                .param("user", userId)
                .param("day", Date.valueOf(day))
                .param("source", source)
                .query(Long.class)
                .single();
        if (today >= rewards.get("garden-cap-" + source)) {
            return false;
        }
        int amount = (int) rewards.get("garden-water-" + source);
        if (amount <= 0) {
            return false;
        }
        int inserted = jdbc.sql("""
                        insert into garden_watering (crop_id, user_id, source, day, amount, idempotency_key)
                        values (:crop, :user, :source, :day, :amount, :key)
                        on conflict (idempotency_key) do nothing
                        """)
                .param("crop", crop.get().id())
                .param("user", userId)
                .param("source", source)
                .param("day", Date.valueOf(day))
                .param("amount", amount)
                .param("key", "water:" + key)
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update garden_crop set water = water + :amount where id = :id")
                .param("amount", amount)
                .param("id", crop.get().id())
                .update();
        return true;
    }

    /** Harvests the ripe crop and pays the harvest points, once. */
    @Transactional
    public Crop harvest(String userId) {
        Crop crop = growing(userId, true)
                .orElseThrow(() -> new NotFoundException("Nothing is growing; plant a crop first."));
        if (!"ripe".equals(crop.stage())) {
            throw new ConflictException(
                    "The " + crop.crop() + " is not ripe yet: " + crop.water() + " of " + crop.ripeAt() + " water.");
        }
        // A produce coupon would need a coupon-request event to marketing; until then the harvest pays points.
        jdbc.sql("update garden_crop set harvested_at = :at, reward = 'points' where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", crop.id())
                .update();
        memberships.award(userId, rewards.get("garden-harvest-points"), HARVEST_REASON, "harvest:" + crop.id());
        return jdbc.sql("select * from garden_crop where id = :id")
                .param("id", crop.id())
                .query((rs, i) -> crop(rs))
                .single();
    }

    private Optional<Crop> growing(String userId, boolean lock) {
        return jdbc.sql("select * from garden_crop where user_id = :user and harvested_at is null"
                        + (lock ? " for update" : ""))
                .param("user", userId)
                .query((rs, i) -> crop(rs))
                .optional();
    }

    private Crop crop(java.sql.ResultSet rs) throws java.sql.SQLException {
        long ripeAt = rewards.get("garden-ripe-water");
        int water = rs.getInt("water");
        Timestamp harvested = rs.getTimestamp("harvested_at");
        return new Crop(
                rs.getLong("id"),
                rs.getString("user_id"),
                rs.getString("crop"),
                water,
                ripeAt,
                stage(water, ripeAt),
                rs.getTimestamp("planted_at").toInstant(),
                harvested == null ? null : harvested.toInstant(),
                rs.getString("reward"));
    }

    static String stage(int water, long ripeAt) {
        if (water >= ripeAt) {
            return "ripe";
        }
        double share = ripeAt <= 0 ? 1 : (double) water / ripeAt;
        if (share >= 0.7) {
            return "flowering";
        }
        if (share >= 0.4) {
            return "growing";
        }
        if (share >= 0.1) {
            return "sprout";
        }
        return "seed";
    }
}
