-- Fills the per-label hourly rollup from the inserts into the hourly one
-- (which the per-minute one's inserts fill in turn), merging states, so
-- neither the seed nor the backfill sketches raw rows again for it.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1h_by_label_mv:Identifier}
TO {metrics_1h_by_label_table:Identifier}
AS SELECT
    src.t AS t,
    metric_name,
    label_key,
    service,
    label_value,
    -- include: rollups/metric_state_merge
FROM {metrics_1h_table:Identifier} AS src
ARRAY JOIN
    arrayConcat([''], mapKeys(src.labels)) AS label_key,
    arrayConcat([''], mapValues(src.labels)) AS label_value
GROUP BY t, metric_name, label_key, service, label_value
