package com.freshloop.metrics.attribution;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import com.freshloop.metrics.kpi.Period;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Attribution of repurchases to touchpoints, by Shapley value and by last touch; see {@link
 * com.freshloop.metrics.kpi.Definitions#ATTRIBUTION}.
 *
 * <p>ClickHouse builds the journeys: for each repurchase in the period, the sorted set of touchpoints
 * the user had in the lookback window and the latest one, counted per distinct (set, last touch).
 * That table is small (at most 2^12 sets x 12 last touches), and the game is solved here.
 */
@Component
public class ChannelAttribution {

    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    /** What a player of the game is. */
    public enum Touchpoints {
        /** coupon, push, sms, recommendation, membership_perk */
        CHANNEL,
        /** {@code campaign:<id>} for touches of a campaign, the channel otherwise */
        CAMPAIGN;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where players beyond the 11 most frequent go when there are more than 12. */
    public static final String OTHER = "other";

    /**
     * One player's credit.
     *
     * @param channel the touchpoint
     * @param shapley repurchases credited by Shapley value
     * @param lastTouch repurchases whose latest touch it was
     * @param journeys repurchases whose journey touched it
     */
    public record Channel(String channel, double shapley, long lastTouch, long journeys) {}

    /**
     * @param repurchases repurchases in the period
     * @param organic those without any touchpoint in the lookback window
     * @param channels every touchpoint, by Shapley credit, highest first
     * @param merged touchpoints folded into {@value #OTHER} to stay within 12 players
     */
    public record Report(long repurchases, long organic, List<Channel> channels, List<String> merged) {}

    record Journey(List<String> channels, String lastChannel, long conversions) {}

    private final ClickHouseTemplate clickHouse;

    public ChannelAttribution(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    public Report compute(Period period, int lookbackDays, Touchpoints by) {
        return solve(clickHouse.query(sql(period, Duration.ofDays(lookbackDays), by), Journey.class));
    }

    static Report solve(List<Journey> journeys) {
        Map<String, Long> frequency = new HashMap<>();
        long repurchases = 0;
        for (Journey journey : journeys) {
            repurchases += journey.conversions();
            journey.channels().forEach(c -> frequency.merge(c, journey.conversions(), Long::sum));
        }
        List<String> merged = new ArrayList<>();
        Map<String, String> player = new HashMap<>();
        List<String> byFrequency = frequency.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        for (int i = 0; i < byFrequency.size(); i++) {
            String channel = byFrequency.get(i);
            boolean fits = byFrequency.size() <= Shapley.MAX_PLAYERS || i < Shapley.MAX_PLAYERS - 1;
            player.put(channel, fits ? channel : OTHER);
            if (!fits) {
                merged.add(channel);
            }
        }
        List<String> players = new ArrayList<>(new TreeSet<>(player.values()));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < players.size(); i++) {
            index.put(players.get(i), i);
        }
        double[] bySet = new double[1 << players.size()];
        long[] lastTouch = new long[players.size()];
        long[] touched = new long[players.size()];
        for (Journey journey : journeys) {
            int set = 0;
            for (String channel : journey.channels()) {
                set |= 1 << index.get(player.get(channel));
            }
            bySet[set] += journey.conversions();
            for (int i = 0; i < players.size(); i++) {
                if ((set & (1 << i)) != 0) {
                    touched[i] += journey.conversions();
                }
            }
            if (!journey.lastChannel().isEmpty()) {
                lastTouch[index.get(player.get(journey.lastChannel()))] += journey.conversions();
            }
        }
        double[] shapley = Shapley.values(Shapley.subsetGame(bySet));
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            // rounded so that equal credits (e.g. 1.5 and 1.4999999999999998) sort and compare equal
            channels.add(new Channel(players.get(i), Math.round(shapley[i] * 1e9) / 1e9, lastTouch[i], touched[i]));
        }
        channels.sort(Comparator.comparingDouble(Channel::shapley).reversed().thenComparing(Channel::channel));
        return new Report(repurchases, (long) bySet[0], channels, List.copyOf(merged));
    }

    /**
     * One pass over each user's orders and touches, no join: the orders (all before the period's end,
     * for the first order ever) and the touches of the period and its lookback are unioned and grouped
     * by user; each distinct order in the period after the user's first order is a repurchase, and
     * its journey the touches of the lookback window before it.
     */
    static String sql(Period period, Duration lookback, Touchpoints by) {
        String from = Sql.dateTime(period.from());
        String to = Sql.dateTime(period.to());
        String channel = "multiIf(type = 'coupon.issued', 'coupon', type = 'message.sent' AND " + text("channel")
                + " = 'sms', 'sms', type = 'message.sent', 'push', type = 'recommendation.clicked', 'recommendation',"
                + " type = 'points.credited' AND " + text("reason") + " != 'order', 'membership_perk', type ="
                + " 'tier.changed', 'membership_perk', '')";
        String label = by == Touchpoints.CAMPAIGN
                ? "if(" + text("campaignId") + " != '', concat('campaign:', " + text("campaignId") + "), " + channel
                        + ")"
                : channel;
        // the payload is parsed for touches only: orders need no field of their JSON
        String orders = "SELECT subject, event_id AS eid, event_time AS t, 1 AS kind, '' AS label FROM events WHERE"
                + " type = 'order.placed' AND event_time < " + to;
        String touches = "SELECT subject, eid, t, 2 AS kind, label FROM (SELECT subject, event_id AS eid, event_time"
                + " AS t, " + label + " AS label FROM events WHERE type IN ('coupon.issued', 'message.sent',"
                + " 'recommendation.clicked', 'points.credited', 'tier.changed') AND event_time >= "
                + Sql.dateTime(period.from().minus(lookback)) + " AND event_time < " + to + ") WHERE label != ''";
        String perUser =
                "SELECT subject, minIf(t, kind = 1) AS firstOrder, groupUniqArrayIf((eid, t), kind = 1 AND t >= "
                        + from + " AND t < " + to
                        + ") AS periodOrders, arraySort(groupArrayIf((t, label), kind = 2)) AS"
                        + " journey FROM (" + orders + " UNION ALL " + touches + ") GROUP BY subject HAVING"
                        + " notEmpty(periodOrders)";
        String repurchases =
                "SELECT firstOrder, tupleElement(periodOrder, 2) AS orderTime, arrayMap(x -> tupleElement(x,"
                        + " 1), journey) AS touchTimes, arrayMap(x -> tupleElement(x, 2), journey) AS touchLabels FROM ("
                        + perUser + ") ARRAY JOIN periodOrders AS periodOrder";
        return "SELECT channels, lastChannel, count() AS conversions FROM (SELECT arrayFilter((c, t, o) -> t >= o - "
                + lookback.toSeconds() + " AND t < o, touchLabels, touchTimes, replicate(orderTime, touchTimes)) AS"
                + " inWindow, arraySort(arrayDistinct(inWindow)) AS channels, if(length(inWindow) = 0, '',"
                + " inWindow[length(inWindow)]) AS lastChannel FROM (" + repurchases + ") WHERE orderTime > firstOrder)"
                + " GROUP BY channels, lastChannel ORDER BY conversions DESC";
    }

    private static String text(String field) {
        return "visitParamExtractString(data, " + Sql.string(field) + ")";
    }
}
