-- Per metric, the rows of the rollup range in the per-label rollups (label
-- key '') and the rows that carry the group key: equal when every row has
-- the label, so grouping by its rows loses none (a row without it would
-- belong to group '').
SELECT
    metric_name AS metric,
    toUInt64(sumIf(n, label_key = '')) AS rows,
    toUInt64(sumIf(n, label_key = {group_key:String})) AS keyed
FROM (
    -- include: series/by_label_rows
)
GROUP BY metric_name
