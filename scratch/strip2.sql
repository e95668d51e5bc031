CREATE TABLE IF NOT EXISTS x_density_strip (grain Enum8('minute' = 1, 'hour' = 2), t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)), kind Enum8('security' = 1, 'anomalies' = 2, 'spans' = 3), severity LowCardinality(String), n SimpleAggregateFunction(sum, UInt64), errors SimpleAggregateFunction(sum, UInt64)) ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(t) ORDER BY (grain, t, kind, severity);
INSERT INTO x_density_strip SELECT 'minute', * FROM x_density_1m;
INSERT INTO x_density_strip SELECT 'hour', * FROM x_density_1h;
OPTIMIZE TABLE x_density_strip FINAL
