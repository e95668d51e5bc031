-- Fills the hourly metric rollup from the per-minute one (each insert into
-- it, whether by its view or by the backfill, cascades here): merging the
-- minute states is far less work than aggregating the raw rows again.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1h_mv:Identifier}
TO {metrics_1h_table:Identifier}
AS SELECT
    toStartOfHour(src.t) AS t,
    metric_name,
    service,
    labels,
    -- include: rollups/metric_state_merge
FROM {metrics_1m_table:Identifier} AS src
GROUP BY t, metric_name, service, labels
