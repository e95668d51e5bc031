-- A Grafana traces table over the raw spans: one row per TraceId, newest first.
SELECT
    TraceId,
    argMin(ServiceName, Timestamp) AS service,
    argMin(SpanName, Timestamp) AS name,
    min(Timestamp) AS start,
    (max(toUnixTimestamp64Nano(Timestamp) + toInt64(Duration)) - min(toUnixTimestamp64Nano(Timestamp))) / 1e6 AS duration_ms,
    count() AS spans
FROM {traces_table:Identifier}
WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
GROUP BY TraceId
ORDER BY start DESC
LIMIT 100
