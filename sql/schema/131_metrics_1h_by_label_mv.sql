-- Fills the per-label hourly rollup from the inserts into the hourly one
-- (which the per-minute one's inserts fill in turn), merging states, so
-- neither the seed nor the backfill sketches raw rows again for it.
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1h_by_label_mv:Identifier}
TO {metrics_1h_by_label_table:Identifier}
AS SELECT
    -- include: rollups/metric_by_label_select
FROM {metrics_1h_table:Identifier} AS src
-- include: rollups/metric_by_label_explode
