-- The detector's verdicts: one row per evaluated point, far fewer than the
-- samples. Read per metric and window (markers on a chart) or by window alone
-- (the anomaly lane), so (metric_name, timestamp) serves both; monthly
-- partitions because the table is small.
CREATE TABLE IF NOT EXISTS {anomalies_table:Identifier}
(
    timestamp DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    value Float64,
    expected_value Float64,
    deviation_score Float64,
    is_anomaly UInt8,
    context Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    INDEX idx_is_anomaly is_anomaly TYPE minmax GRANULARITY 1
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (metric_name, timestamp)
