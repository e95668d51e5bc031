-- catalog/metrics.sql by whole hours [h_from, h_to) from the per-label
-- hourly rollup's label key '' rows: one row per (metric, service, hour).
SELECT
    metric_name AS name,
    arraySort(groupUniqArray(toString(service))) AS services,
    toUInt32(sum(n)) AS rows
FROM {metrics_1h_by_label_table:Identifier}
WHERE label_key = '' AND t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
GROUP BY metric_name
ORDER BY name
LIMIT {limit:UInt32}
