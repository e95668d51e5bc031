-- Fills the per-minute security counts on every insert into security_events.
CREATE MATERIALIZED VIEW IF NOT EXISTS {security_1m_mv:Identifier}
TO {security_1m_table:Identifier}
AS SELECT
    toStartOfMinute(timestamp) AS t,
    severity,
    event_type,
    count() AS n
FROM {security_table:Identifier}
GROUP BY t, severity, event_type
