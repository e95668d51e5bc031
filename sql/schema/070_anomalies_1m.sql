-- Detected anomalies (is_anomaly = 1) per minute and metric, for the
-- overview's density. Monthly partitions, like the source table, so the
-- backfill replaces one source partition by one rollup partition.
CREATE TABLE IF NOT EXISTS {anomalies_1m_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(t)
ORDER BY (t, metric_name)
