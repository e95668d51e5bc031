-- The detector's verdicts that flagged an anomaly (is_anomaly = 1), as they
-- are, kept by a view: lists of anomalies (the lane, the snapshot) read
-- these few rows instead of every verdict of their window. The source's
-- skip index cannot skip them: an anomaly in one verdict of a thousand
-- leaves few granules without one. Sorted by time, so the newest page of a
-- window is its last rows.
CREATE TABLE IF NOT EXISTS {anomalies_flagged_table:Identifier}
(
    timestamp DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    value Float64,
    expected_value Float64,
    deviation_score Float64,
    is_anomaly UInt8,
    context Map(LowCardinality(String), String) CODEC(ZSTD(1))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (timestamp, metric_name)
