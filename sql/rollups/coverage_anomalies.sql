-- Detected anomalies and the ones the per-minute counts account for.
SELECT
    (SELECT toUInt64(countIf(is_anomaly = 1)) FROM {anomalies_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(n)) FROM {anomalies_1m_table:Identifier}) AS minute
