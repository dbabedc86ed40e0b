-- Alert rules, their state, the alerts raised, the operators' audit trail and the shoppers' survey
-- answers. metrics-service has no relational database, so mutable records are ReplacingMergeTree
-- tables: every change is a new row with a higher `version`, and readers take the latest row per
-- key (FINAL). Same dialect rules as V1: no DateTime64, no LowCardinality, UTC columns.

-- One row per change of a rule; `deleted = 1` is a tombstone.
CREATE TABLE IF NOT EXISTS alert_rules (
    rule_id String,
    metric String,
    comparison String,
    threshold Float64,
    window_days UInt16,
    baseline_days UInt16,
    lag_days UInt16,
    enabled UInt8,
    deleted UInt8,
    description String,
    version UInt64,
    created_at DateTime('UTC'),
    updated_at DateTime('UTC'),
    updated_by String
) ENGINE = ReplacingMergeTree(version)
ORDER BY rule_id;

-- Where each rule stands: breaching or not, and the alert raised for the current breach. Written
-- before the alert is published and again once Kafka acknowledged it (the outbox of this service).
CREATE TABLE IF NOT EXISTS alert_state (
    rule_id String,
    rule_version UInt64,
    breaching UInt8,
    event_id String,
    published UInt8,
    since DateTime('UTC'),
    evaluated_at DateTime('UTC'),
    value Float64,
    baseline Float64,
    version UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY rule_id;

-- Every alert raised, keyed by its deterministic event id (a re-publish writes the same key).
CREATE TABLE IF NOT EXISTS alerts_raised (
    event_id String,
    rule_id String,
    metric String,
    value Float64,
    baseline Float64,
    change_ratio Float64,
    window_from DateTime('UTC'),
    window_to DateTime('UTC'),
    raised_at DateTime('UTC')
) ENGINE = ReplacingMergeTree(raised_at)
ORDER BY (rule_id, event_id);

-- What operators changed, append only.
CREATE TABLE IF NOT EXISTS audit_log (
    entry_id UUID,
    at DateTime('UTC'),
    actor String,
    action String,
    target String,
    details String
) ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (at, entry_id);

-- "Why did you come back": one row per answer; a retried submission with the same response id
-- collapses on merge and is counted once (uniqExact) before.
CREATE TABLE IF NOT EXISTS survey_responses (
    response_id UUID,
    user_id String,
    answered_at DateTime('UTC'),
    reasons Array(String),
    blockers Array(String),
    comment String,
    order_id String
) ENGINE = ReplacingMergeTree(answered_at)
PARTITION BY toYYYYMM(answered_at)
ORDER BY (user_id, response_id);
