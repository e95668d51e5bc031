-- What a Grafana dashboard's variables ask to fill their pickers: distinct
-- metric names, services and label keys/values in the window, from raw rows.
SELECT
    groupUniqArray(metric_name) AS metrics,
    groupUniqArray(service) AS services,
    groupUniqArrayArray(mapKeys(labels)) AS label_keys,
    groupUniqArrayArray(mapValues(labels)) AS label_values
FROM {metrics_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
