-- The detector's verdicts in [from, to), newest first: every evaluated point,
-- or only the anomalies (is_anomaly = 1); empty metrics means every metric,
-- empty label filters every series. The source is the anomalies table or,
-- for only the anomalies, its copy of the flagged verdicts when that is
-- whole (sql/schema/138): the same rows, far fewer to read.
SELECT
    toUnixTimestamp64Milli(timestamp) AS ts,
    metric_name,
    value,
    expected_value,
    deviation_score,
    is_anomaly,
    context
FROM {source:Identifier}
WHERE timestamp >= {from:DateTime64(3)}
  AND timestamp < {to:DateTime64(3)}
  AND (empty({metrics:Array(String)}) OR metric_name IN {metrics:Array(String)})
  -- label filters (parallel keys and values): a verdict whose context names a
  -- filtered key with another value is left out; a context without the key
  -- says nothing about it (detectors record only the labels they split by)
  AND arrayAll((k, v) -> NOT mapContains(context, k) OR context[k] = v, {label_keys:Array(String)}, {label_values:Array(String)})
  AND ({only_anomalies:UInt8} = 0 OR is_anomaly = 1)
ORDER BY timestamp DESC, metric_name
LIMIT {limit:UInt32}
