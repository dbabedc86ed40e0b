package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Recall of a campaign's treatment group against its control group; see {@link
 * Definitions#CAMPAIGN_RECALL_RATE}.
 */
@Component
public class CampaignRecall {

    public static final int DEFAULT_DAYS = 14;

    /** The event that names a user's group; everything else only puts users in treatment. */
    public static final String ASSIGNED = "campaign.assigned";

    /**
     * @param members users in the group
     * @param recalled those who ordered within the window after assignment
     * @param rate recalled / members
     */
    public record Group(
            long members, long recalled, @Nullable Double rate) {
        static final Group EMPTY = new Group(0, 0, null);
    }

    /**
     * @param campaign the campaign id
     * @param treatment users who got the campaign
     * @param control users held out of it
     * @param lift treatment rate - control rate, in rate units (0.05 = 5 percentage points)
     * @param relativeLift treatment rate / control rate - 1
     * @param pValue two-proportion z-test
     */
    public record Row(
            String campaign,
            Group treatment,
            Group control,
            @Nullable Double lift,
            @Nullable Double relativeLift,
            @Nullable Double pValue) {}

    record Counts(String campaign, String memberGroup, long members, long recalled) {}

    private final ClickHouseTemplate clickHouse;

    public CampaignRecall(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Every campaign with members assigned in the period, or only {@code campaign}. */
    public List<Row> compute(Period period, @Nullable String campaign, int days) {
        Duration window = Duration.ofDays(days);
        String campaignFilter = campaign == null ? "" : " AND " + text("campaignId") + " = " + Sql.string(campaign);
        String touches = "type IN ('" + ASSIGNED + "', 'coupon.issued', 'message.sent') AND "
                + period.contains("event_time") + campaignFilter;
        String members = "SELECT subject, " + text("campaignId") + " AS campaign,"
                + " if(countIf(type = '" + ASSIGNED + "') > 0, if(lower(argMinIf(" + text("arm")
                + ", event_time, type = '" + ASSIGNED + "')) = 'control', 'control', 'treatment'), 'treatment')"
                + " AS memberGroup, min(event_time) AS assignedAt FROM " + EVENTS + " WHERE " + touches
                + " GROUP BY subject, campaign HAVING campaign != ''";
        String memberSubjects = "SELECT subject FROM " + EVENTS + " WHERE " + touches;
        String sql =
                "SELECT campaign, memberGroup, count() AS members, sum(recalled) AS recalled FROM (SELECT campaign,"
                        + " memberGroup, arrayExists((t, a) -> t > a AND t <= a + " + window.toSeconds()
                        + ", orderTimes, replicate(assignedAt, orderTimes)) AS recalled FROM (" + members
                        + ") AS m ANY LEFT JOIN ("
                        + EventSql.ordersOf(memberSubjects, period.extendedBy(window)) + ") AS o USING subject)"
                        + " GROUP BY campaign, memberGroup ORDER BY campaign, memberGroup";
        Map<String, Group[]> byCampaign = new LinkedHashMap<>();
        for (Counts c : clickHouse.query(sql, Counts.class)) {
            Group[] groups = byCampaign.computeIfAbsent(c.campaign(), k -> new Group[] {Group.EMPTY, Group.EMPTY});
            groups["control".equals(c.memberGroup()) ? 1 : 0] =
                    new Group(c.members(), c.recalled(), Statistics.ratio(c.recalled(), c.members()));
        }
        return byCampaign.entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static Row row(String campaign, Group treatment, Group control) {
        Double lift = treatment.rate() == null || control.rate() == null ? null : treatment.rate() - control.rate();
        return new Row(
                campaign,
                treatment,
                control,
                lift,
                Statistics.lift(treatment.rate(), control.rate()),
                Statistics.twoProportionPValue(
                        treatment.recalled(), treatment.members(), control.recalled(), control.members()));
    }
}
