-- Fills the strip's per-minute security counts from the inserts into the per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {density_1m_security_mv:Identifier}
TO {density_1m_table:Identifier}
AS SELECT
    src.t AS t,
    'security' AS kind,
    src.severity AS severity,
    sum(src.n) AS n,
    toUInt64(0) AS errors
FROM {security_1m_table:Identifier} AS src
GROUP BY t, severity
