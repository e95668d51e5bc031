-- Per metric, the rows of the hours [h_from, h_to) in the per-label hourly
-- rollup (label key '') and the rows that carry the group key: equal when
-- every row has the label, so grouping by its rows loses none (a row
-- without it would belong to group '').
SELECT
    metric_name AS metric,
    toUInt64(sumIf(n, label_key = '')) AS rows,
    toUInt64(sumIf(n, label_key = {group_key:String})) AS keyed
FROM {metrics_1h_by_label_table:Identifier}
WHERE metric_name IN {metrics:Array(String)}
  AND label_key IN ('', {group_key:String})
  AND t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
  AND hasAll([toString(service)], {service_values:Array(String)})
GROUP BY metric_name
