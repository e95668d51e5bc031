-- Fills the per-minute anomaly counts on every insert into anomaly_detections.
CREATE MATERIALIZED VIEW IF NOT EXISTS {anomalies_1m_mv:Identifier}
TO {anomalies_1m_table:Identifier}
AS SELECT
    toStartOfMinute(timestamp) AS t,
    metric_name,
    count() AS n
FROM {anomalies_table:Identifier}
WHERE is_anomaly = 1
GROUP BY t, metric_name
