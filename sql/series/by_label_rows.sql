-- The per-label rollups' rows of a rollup read's range, tiled like
-- series/buckets_rollup: the per-minute ones in [m_from, m_to) outside the
-- hours [h_from, h_to), the hourly ones inside; for the metrics and
-- services asked, label key '' (every row) and the group key's rows (the
-- including file keeps what it needs). Each arm filters by itself, so
-- both read only their keys' ranges of the sort key.
-- arm: minutes
SELECT metric_name, label_key, service, label_value, t, n, total, lo, hi, last,
    -- include: series/sketch_if_asked
FROM {metrics_1m_by_label_table:Identifier}
WHERE metric_name IN {metrics:Array(String)}
  AND label_key IN ('', if({group_key:String} = 'service', '', {group_key:String}))
  AND ((t >= {m_from:DateTime64(3)} AND t < {h_from:DateTime64(3)})
       OR (t >= {h_to:DateTime64(3)} AND t < {m_to:DateTime64(3)}))
  AND hasAll([toString(service)], {service_values:Array(String)})
-- arm: hours
SELECT metric_name, label_key, service, label_value, t, n, total, lo, hi, last,
    -- include: series/sketch_if_asked
FROM {metrics_1h_by_label_table:Identifier}
WHERE metric_name IN {metrics:Array(String)}
  AND label_key IN ('', if({group_key:String} = 'service', '', {group_key:String}))
  AND t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
  AND hasAll([toString(service)], {service_values:Array(String)})
-- end arms
