-- The hourly metric rollup: the per-minute one's columns, states, key and
-- daily partitions (see 050), for windows of days, where even minutes are
-- too many rows.
CREATE TABLE IF NOT EXISTS {metrics_1h_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    service LowCardinality(String),
    labels Map(LowCardinality(String), LowCardinality(String)) CODEC(ZSTD(1)),
    -- include: rollups/metric_state_columns
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (metric_name, service, t, labels)
