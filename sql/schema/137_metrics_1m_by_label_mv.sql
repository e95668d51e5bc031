-- Fills the per-label per-minute rollup from the inserts into the
-- per-minute one by label set (which the raw inserts fill in turn),
-- merging states, as the hourly one is filled (sql/schema/131).
CREATE MATERIALIZED VIEW IF NOT EXISTS {metrics_1m_by_label_mv:Identifier}
TO {metrics_1m_by_label_table:Identifier}
AS SELECT
    src.t AS t,
    metric_name,
    label_key,
    service,
    label_value,
    -- include: rollups/metric_state_merge
FROM {metrics_1m_table:Identifier} AS src
ARRAY JOIN
    arrayConcat([''], mapKeys(src.labels)) AS label_key,
    arrayConcat([''], mapValues(src.labels)) AS label_value
GROUP BY t, metric_name, label_key, service, label_value
