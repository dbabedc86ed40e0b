CREATE TABLE IF NOT EXISTS steps (step UInt32, name String) ENGINE = MergeTree ORDER BY step;
INSERT INTO steps VALUES (1, 'first')
