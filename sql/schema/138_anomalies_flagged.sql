-- The detector's verdicts that flagged an anomaly (is_anomaly = 1), as they
-- are, kept by a view: lists of anomalies (the lane, the snapshot) read
-- these few rows instead of every verdict of their window. The source's
-- skip index cannot skip them: an anomaly in one verdict of a thousand
-- leaves few granules without one. Sorted by time, so the newest page of a
-- window is its last rows; by month, like its source, which the backfill
-- copies it from partition by partition.
CREATE TABLE IF NOT EXISTS {anomalies_flagged_table:Identifier}
(
    -- include: rollups/anomaly_columns
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(timestamp)
ORDER BY (timestamp, metric_name)
