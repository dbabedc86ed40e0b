package com.freshloop.marketing.winback;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WinbackRepository {

    record Recipient(String userId, @Nullable Integer activeHour) {}

    private final JdbcClient jdbc;

    WinbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the user's arm; false when the user was assigned before (the campaign runs once per user). */
    boolean assign(String campaignId, String userId, String arm, String trigger, Instant at) {
        return jdbc.sql("""
                        insert into campaign_assignment (campaign_id, user_id, arm, trigger, assigned_at)
                        values (:campaign, :user, :arm, :trigger, :at)
                        on conflict (campaign_id, user_id) do nothing
                        """)
                        .param("campaign", campaignId)
                        .param("user", userId)
                        .param("arm", arm)
                        .param("trigger", trigger)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    /** Treated users still in a win-back stage who usually buy the SKU in the region (last order's region). */
    List<Recipient> treatedUsualBuyers(
            String campaignId, String sku, String region, int minOrders, List<String> stages) {
        return jdbc.sql("""
                        select a.user_id, s.active_hour
                          from campaign_assignment a
                          join shopper s on s.user_id = a.user_id
                          join shopper_sku k on k.user_id = a.user_id and k.sku = :sku
                         where a.campaign_id = :campaign and a.arm = 'treatment'
                           and s.lifecycle_stage in (:stages) and s.region = :region and k.orders >= :min
                         order by a.user_id
                        """)
                .param("campaign", campaignId)
                .param("sku", sku)
                .param("region", region)
                .param("min", minOrders)
                .param("stages", stages)
                .query((rs, i) -> new Recipient(rs.getString("user_id"), (Integer) rs.getObject("active_hour")))
                .list();
    }

    @Nullable
    String arm(String campaignId, String userId) {
        return jdbc.sql("select arm from campaign_assignment where campaign_id = :campaign and user_id = :user")
                .param("campaign", campaignId)
                .param("user", userId)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
