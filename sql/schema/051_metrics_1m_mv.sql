-- Fills the per-minute metric rollup on every insert into metrics_events.
-- `npm run rollups:backfill` runs this same SELECT over older partitions.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1m_mv:Identifier}
TO {metrics_1m_table:Identifier}
AS SELECT
    toStartOfMinute(timestamp) AS t,
    metric_name,
    service,
    labels,
    -- include: rollups/metric_state_of_rows
FROM {metrics_table:Identifier}
GROUP BY t, metric_name, service, labels
