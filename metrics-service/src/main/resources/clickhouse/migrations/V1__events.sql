-- Every event of the platform, one row per delivery. Kafka delivers at least once, so the same
-- event may arrive twice: ReplacingMergeTree keeps one row per (type, subject, event_id) when parts
-- merge, and queries count uniqExact(event_id) (or read FINAL) so a not-yet-merged duplicate never
-- counts twice.
--
-- Written for both Debian's ClickHouse 18.16 and current servers: no DateTime64 (absent in 18.16;
-- times are whole seconds), no LowCardinality (experimental there), explicit UTC columns so
-- toYYYYMM and text values mean the same whatever the server's time zone.
CREATE TABLE IF NOT EXISTS events (
    event_id UUID,
    type String,
    version UInt16,
    source String,
    subject String,
    event_time DateTime('UTC'),
    received_time DateTime('UTC'),
    data String
) ENGINE = ReplacingMergeTree(received_time)
PARTITION BY toYYYYMM(event_time)
ORDER BY (type, subject, event_id);
