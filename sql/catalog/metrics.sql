-- Metric names in [from, to), with their services and row counts, by name.
SELECT
    metric_name AS name,
    arraySort(groupUniqArray(toString(service))) AS services,
    toUInt32(count()) AS rows
FROM {metrics_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
GROUP BY metric_name
ORDER BY name
LIMIT {limit:UInt32}
