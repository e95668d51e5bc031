-- Fills the strip's per-minute anomaly counts from the inserts into the per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {density_1m_anomalies_mv:Identifier}
TO {density_1m_table:Identifier}
AS SELECT
    src.t AS t,
    'anomalies' AS kind,
    '' AS severity,
    sum(src.n) AS n,
    toUInt64(0) AS errors
FROM {anomalies_1m_table:Identifier} AS src
GROUP BY t
