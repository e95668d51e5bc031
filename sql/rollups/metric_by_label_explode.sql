-- The end of a per-label view (after `FROM <rollup by label set> AS src`):
-- one row for every row of the metric (label key '') and one per label.
ARRAY JOIN
    arrayConcat([''], mapKeys(src.labels)) AS label_key,
    arrayConcat([''], mapValues(src.labels)) AS label_value
GROUP BY t, metric_name, label_key, service, label_value
