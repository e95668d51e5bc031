-- Fills the strip's hourly counts from the inserts into its per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {density_1h_mv:Identifier}
TO {density_1h_table:Identifier}
AS SELECT
    toStartOfHour(src.t) AS t,
    src.kind AS kind,
    src.severity AS severity,
    sum(src.n) AS n,
    sum(src.errors) AS errors
FROM {density_1m_table:Identifier} AS src
GROUP BY t, kind, severity
