-- Fills the hourly span change rollup from the per-minute one (its view's
-- inserts and the backfill's cascade here).
CREATE MATERIALIZED VIEW IF NOT EXISTS {span_changes_1h_mv:Identifier}
TO {span_changes_1h_table:Identifier}
AS SELECT
    toStartOfHour(minute.t) AS t,
    service,
    operation,
    scope,
    key,
    value,
    crowded,
    b,
    sum(minute.spans) AS spans,
    sum(minute.failed) AS failed
FROM {span_changes_1m_table:Identifier} AS minute
GROUP BY t, service, operation, scope, key, value, crowded, b
