-- Runs after V2 although "V10" sorts before "V2" as text: the snapshot must see steps 1 and 2.
CREATE TABLE IF NOT EXISTS snapshot ENGINE = MergeTree ORDER BY step AS SELECT step FROM steps;
