-- Flagged verdicts in the anomalies table and in its copy of them: equal once it is filled.
SELECT
    (SELECT toUInt64(countIf(is_anomaly = 1)) FROM {anomalies_table:Identifier}) AS raw,
    (SELECT toUInt64(count()) FROM {anomalies_flagged_table:Identifier}) AS derived
