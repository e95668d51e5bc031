-- Fills the per-minute span counts on every insert into the span table.
CREATE MATERIALIZED VIEW IF NOT EXISTS {spans_1m_mv:Identifier}
TO {spans_1m_table:Identifier}
AS SELECT
    toStartOfMinute(Timestamp) AS t,
    ServiceName AS service,
    count() AS spans,
    countIf(StatusCode = 'Error') AS errors
FROM {traces_table:Identifier}
GROUP BY t, service
