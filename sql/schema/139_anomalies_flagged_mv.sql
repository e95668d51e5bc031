-- Copies every flagged verdict inserted into the anomalies table.
CREATE MATERIALIZED VIEW IF NOT EXISTS {anomalies_flagged_mv:Identifier}
TO {anomalies_flagged_table:Identifier}
AS SELECT timestamp, metric_name, value, expected_value, deviation_score, is_anomaly, context
FROM {anomalies_table:Identifier}
WHERE is_anomaly = 1
