-- Fills the per-minute metric rollup on every insert into metrics_events.
-- `npm run rollups:backfill` runs this same SELECT over older partitions.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1m_mv:Identifier}
TO {metrics_1m_table:Identifier}
AS SELECT
    toStartOfMinute(timestamp) AS t,
    metric_name,
    service,
    labels,
    count() AS n,
    sum(value) AS total,
    min(value) AS lo,
    max(value) AS hi,
    argMaxState(value, timestamp) AS last,
    quantilesDDState(0.01, 0.5, 0.9, 0.95, 0.99)(value) AS q
FROM {metrics_table:Identifier}
GROUP BY t, metric_name, service, labels
