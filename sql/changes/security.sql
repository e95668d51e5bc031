-- What changed, security events. Per field (source IP, event type, service,
-- action) and value present in the window: its events in the window and in
-- the baseline, with both sides' totals and the first baseline event (the
-- baseline's covered span starts there when the data starts inside it). At
-- most {max_values} values per field, those most frequent in the window.
WITH
    sided AS (
        SELECT
            source_ip,
            toString(event_type) AS event_type,
            toString(service) AS service,
            toString(action_taken) AS action,
            timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AS in_window,
            timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)} AS in_base,
            timestamp
        FROM {security_table:Identifier}
        WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
           OR (timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)})
    )
SELECT
    kv.1 AS field,
    kv.2 AS value,
    toUInt32(countIf(in_window)) AS window_count,
    toUInt32(countIf(in_base)) AS baseline_count,
    toUInt32(any(window_total)) AS window_total,
    toUInt32(any(baseline_total)) AS baseline_total,
    toUnixTimestamp64Milli(any(baseline_first)) AS baseline_first
FROM sided
ARRAY JOIN [('sourceIp', source_ip), ('eventType', event_type), ('service', service), ('action', action)] AS kv
CROSS JOIN
(
    SELECT countIf(in_window) AS window_total, countIf(in_base) AS baseline_total, minIf(timestamp, in_base) AS baseline_first
    FROM sided
) AS totals
GROUP BY field, value
HAVING window_count > 0
ORDER BY field, window_count DESC, value
LIMIT {max_values:UInt32} BY field
