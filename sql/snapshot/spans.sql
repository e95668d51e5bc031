-- Spans in flight at `at`: started at or before it and not yet ended
-- (start <= at < start + duration). Only spans starting within
-- [at - lookback, at] are considered, which bounds the scan to those
-- partitions; newest first.
SELECT
    TraceId AS trace_id,
    SpanId AS span_id,
    SpanName AS name,
    ServiceName AS service,
    intDiv(toUnixTimestamp64Nano(Timestamp), 1000) / 1000 AS start_ms,
    Duration / 1e6 AS duration_ms,
    StatusCode AS status_code
FROM {traces_table:Identifier}
WHERE Timestamp >= {from:DateTime64(3)}
  AND Timestamp <= {at:DateTime64(3)}
  AND toUnixTimestamp64Nano(Timestamp) + toInt64(Duration) > {at_ms:Int64} * 1000000
ORDER BY Timestamp DESC, SpanId
LIMIT {limit:UInt32}
