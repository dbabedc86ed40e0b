package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.ofType;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Push open and conversion rates; see {@link Definitions#PUSH_OPEN_RATE} and {@link
 * Definitions#PUSH_CONVERSION_RATE}.
 */
@Component
public class PushEngagement {

    public static final Set<Slice> SLICES =
            EnumSet.of(Slice.TOTAL, Slice.DAY, Slice.WEEK, Slice.MONTH, Slice.CAMPAIGN, Slice.KIND);

    public static final String DEFAULT_CHANNEL = "app_push";
    public static final int DEFAULT_WINDOW_HOURS = 24;

    /** The event the app sends when a shopper opens a message (not in the event catalog yet). */
    public static final String OPENED = "message.opened";

    /**
     * @param key the slice's value
     * @param sent messages sent in the period
     * @param opened of those, opened (by now)
     * @param converted of those, followed by an order of the recipient within the window
     * @param openRate opened / sent
     * @param conversionRate converted / sent
     */
    public record Row(
            String key,
            long sent,
            long opened,
            long converted,
            @Nullable Double openRate,
            @Nullable Double conversionRate) {}

    record Counts(String key, long sent, long opened, long converted) {}

    private final ClickHouseTemplate clickHouse;

    public PushEngagement(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * @param channel {@code app_push}, {@code sms}, or {@code null} for every channel
     */
    public List<Row> compute(Period period, Slice slice, @Nullable String channel, int windowHours) {
        if (!SLICES.contains(slice)) {
            throw new IllegalArgumentException("push engagement cannot be sliced by " + slice.param());
        }
        Duration window = Duration.ofHours(windowHours);
        String sentFilter = ofType("message.sent") + " AND " + period.contains("event_time")
                + (channel == null ? "" : " AND " + text("channel") + " = " + Sql.string(channel));
        String sent = "SELECT " + text("messageId") + " AS message, subject, min(event_time) AS sentAt, any("
                + text("campaignId") + ") AS campaign, any(" + text("kind") + ") AS messageKind FROM " + EVENTS
                + " WHERE " + sentFilter + " GROUP BY message, subject";
        String opened = "SELECT " + text("messageId") + " FROM " + EVENTS + " WHERE " + ofType(OPENED)
                + " AND event_time >= " + period.fromSql();
        String key = switch (slice) {
            case DAY, WEEK, MONTH -> slice.timeKey("sentAt");
            case CAMPAIGN -> "campaign";
            case KIND -> "messageKind";
            default -> "'total'";
        };
        String recipients = "SELECT subject FROM " + EVENTS + " WHERE " + sentFilter;
        String sql = "SELECT key, count() AS sent, sum(isOpened) AS opened, sum(isConverted) AS converted FROM (SELECT "
                + key + " AS key, message IN (" + opened + ") AS isOpened, arrayExists((t, a) -> t > a AND t <= a + "
                + window.toSeconds() + ", orderTimes, replicate(sentAt, orderTimes)) AS isConverted FROM (" + sent
                + ") AS s ANY LEFT JOIN ("
                + EventSql.ordersOf(recipients, period.extendedBy(window)) + ") AS o USING subject)"
                + " GROUP BY key ORDER BY key = '', key";
        return clickHouse.query(sql, Counts.class).stream()
                .map(c -> new Row(
                        EventSql.label(c.key()),
                        c.sent(),
                        c.opened(),
                        c.converted(),
                        Statistics.ratio(c.opened(), c.sent()),
                        Statistics.ratio(c.converted(), c.sent())))
                .toList();
    }
}
