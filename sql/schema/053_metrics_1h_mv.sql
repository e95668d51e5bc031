-- Fills the hourly metric rollup from the per-minute one (each insert into
-- it, whether by its view or by the backfill, cascades here): merging the
-- minute states is far less work than aggregating the raw rows again.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1h_mv:Identifier}
TO {metrics_1h_table:Identifier}
AS SELECT
    toStartOfHour(minute.t) AS t,
    metric_name,
    service,
    labels,
    sum(minute.n) AS n,
    sum(minute.total) AS total,
    min(minute.lo) AS lo,
    max(minute.hi) AS hi,
    argMaxMergeState(minute.last) AS last,
    quantilesDDMergeState(0.01, 0.5, 0.9, 0.95, 0.99)(minute.q) AS q
FROM {metrics_1m_table:Identifier} AS minute
GROUP BY t, metric_name, service, labels
