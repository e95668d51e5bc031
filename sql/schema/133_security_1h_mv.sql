-- Fills the hourly security counts from the inserts into the per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {security_1h_mv:Identifier}
TO {security_1h_table:Identifier}
AS SELECT
    toStartOfHour(src.t) AS t,
    severity,
    event_type,
    sum(src.n) AS n
FROM {security_1m_table:Identifier} AS src
GROUP BY t, severity, event_type
