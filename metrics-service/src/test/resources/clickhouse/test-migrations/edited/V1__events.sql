-- Not the V1 the service applied: the migrator must refuse to start.
CREATE TABLE IF NOT EXISTS events (event_id UUID) ENGINE = MergeTree ORDER BY event_id;
