-- Rows per table after a seed, for its report.
SELECT
    (SELECT toUInt32(count()) FROM {metrics_table:Identifier}) AS metrics,
    (SELECT toUInt32(count()) FROM {security_table:Identifier}) AS security,
    (SELECT toUInt32(count()) FROM {anomalies_table:Identifier}) AS anomalies,
    (SELECT toUInt32(count()) FROM {traces_table:Identifier}) AS traces,
    (SELECT toUInt32(count()) FROM {trace_id_ts_table:Identifier}) AS trace_id_ts
