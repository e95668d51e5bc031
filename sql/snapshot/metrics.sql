-- The state of every raw series (metric, service, labels) at instant `at`:
-- its last value in [at - lookback, at], with that sample's time. Empty
-- metrics means every metric; label filters as in series/buckets.sql.
SELECT
    metric_name AS metric,
    service AS service_name,
    labels AS label_map,
    argMax(value, timestamp) AS last_value,
    toUnixTimestamp64Milli(max(timestamp)) AS ts
FROM {metrics_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)}
  AND timestamp <= {at:DateTime64(3)}
  AND (empty({metrics:Array(String)}) OR metric_name IN {metrics:Array(String)})
  -- include: series/label_match
GROUP BY metric_name, service, labels
ORDER BY metric, service_name, toString(label_map)
LIMIT {limit:UInt32}
