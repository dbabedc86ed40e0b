package com.freshloop.marketing.campaigns;

import com.freshloop.marketing.audience.AudienceRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CampaignRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS =
            "id, name, audience::text as audience, template_ids, control_share, created_by, created_at, updated_at,"
                    + " last_run_at";

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign c) {
        jdbc.sql("""
                        insert into campaign (id, name, audience, template_ids, control_share, created_by, created_at,
                                              updated_at)
                        values (:id, :name, cast(:audience as jsonb), cast(:templates as uuid[]), :share, :by, :at, :at)
                        """)
                .param("id", c.id())
                .param("name", c.name())
                .param("audience", JSON.writeValueAsString(c.audience()))
                .param("templates", array(c.templateIds()))
                .param("share", c.controlShare())
                .param("by", c.createdBy())
                .param("at", Timestamp.from(c.createdAt()))
                .update();
    }

    boolean update(UUID id, String name, AudienceRule audience, List<UUID> templates, double share, Instant at) {
        return jdbc.sql("""
                                update campaign set name = :name, audience = cast(:audience as jsonb),
                                       template_ids = cast(:templates as uuid[]), control_share = :share, updated_at = :at
                                 where id = :id
                                """)
                        .param("id", id)
                        .param("name", name)
                        .param("audience", JSON.writeValueAsString(audience))
                        .param("templates", array(templates))
                        .param("share", share)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from campaign where id = :id").param("id", id).update() == 1;
    }

    void ran(UUID id, Instant at) {
        jdbc.sql("update campaign set last_run_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = :id")
                .param("id", id)
                .query((rs, i) -> campaign(rs))
                .optional();
    }

    List<Campaign> all() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by created_at desc, id")
                .query((rs, i) -> campaign(rs))
                .list();
    }

    int unknownTemplates(List<UUID> ids) {
        int known = jdbc.sql("select count(*) from coupon_template where id in (:ids)")
                .param("ids", ids)
                .query(Integer.class)
                .single();
        return (int) ids.stream().distinct().count() - known;
    }

    /** Assigns the user to an arm of the campaign; false when assigned by an earlier run. */
    boolean assign(String campaignId, String userId, String arm, Instant at) {
        return jdbc.sql("""
                        insert into campaign_assignment (campaign_id, user_id, arm, trigger, assigned_at)
                        values (:campaign, :user, :arm, 'campaign_run', :at)
                        on conflict (campaign_id, user_id) do nothing
                        """)
                        .param("campaign", campaignId)
                        .param("user", userId)
                        .param("arm", arm)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    private static String array(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        UUID[] templates = (UUID[]) rs.getArray("template_ids").getArray();
        Timestamp lastRun = rs.getTimestamp("last_run_at");
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                JSON.readValue(rs.getString("audience"), AudienceRule.class),
                Arrays.asList(templates),
                rs.getDouble("control_share"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                lastRun == null ? null : lastRun.toInstant());
    }
}
