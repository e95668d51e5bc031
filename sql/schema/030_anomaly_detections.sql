-- The detector's verdicts: one row per evaluated point, far fewer than the
-- samples. Read per metric and window (markers on a chart) or by window alone
-- (the anomaly lane), so (metric_name, timestamp) serves both; monthly
-- partitions because the table is small.
CREATE TABLE IF NOT EXISTS {anomalies_table:Identifier}
(
    INDEX idx_is_anomaly is_anomaly TYPE minmax GRANULARITY 1,
    -- include: rollups/anomaly_columns
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (metric_name, timestamp)
