-- Fills the hourly span counts from the inserts into the per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {spans_1h_mv:Identifier}
TO {spans_1h_table:Identifier}
AS SELECT
    toStartOfHour(src.t) AS t,
    service,
    sum(src.spans) AS spans,
    sum(src.errors) AS errors
FROM {spans_1m_table:Identifier} AS src
GROUP BY t, service
