package com.freshloop.metrics.kpi;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Users per segment or cluster; see {@link Definitions#SEGMENT_SIZES}. */
@Component
public class SegmentSizes {

    /**
     * @param segment the segment (or cluster name)
     * @param users users whose latest assignment it is
     */
    public record Row(String segment, long users) {}

    private final ClickHouseTemplate clickHouse;

    public SegmentSizes(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    /**
     * @param kind {@link Slice#SEGMENT} or {@link Slice#CLUSTER}
     * @param at the instant the sizes hold at
     */
    public List<Row> sizes(Slice kind, Instant at) {
        String latest = EventSql.latestUserAttribute(kind, new Period(Instant.EPOCH, at));
        return clickHouse
                .query(
                        "SELECT attr AS segment, count() AS users FROM (" + latest
                                + ") GROUP BY segment ORDER BY users DESC, segment",
                        Row.class)
                .stream()
                .map(r -> new Row(EventSql.label(r.segment()), r.users()))
                .toList();
    }
}
