-- Fills the per-label per-minute rollup from the inserts into the
-- per-minute one by label set (which the raw inserts fill in turn),
-- merging states, as the hourly one is filled (sql/schema/131).
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1m_by_label_mv:Identifier}
TO {metrics_1m_by_label_table:Identifier}
AS SELECT
    -- include: rollups/metric_by_label_select
FROM {metrics_1m_table:Identifier} AS src
-- include: rollups/metric_by_label_explode
