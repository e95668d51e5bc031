-- The time extent of the metrics (epoch ms): where the data is, for tools
-- (the benchmark) that must aim their windows at it. 0/0 when empty.
SELECT
    toUnixTimestamp64Milli(min(timestamp)) AS first_ms,
    toUnixTimestamp64Milli(max(timestamp)) AS last_ms,
    toUInt64(count()) AS rows
FROM {metrics_table:Identifier}
