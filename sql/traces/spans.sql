-- One trace's spans, bounded to [from, to) so only those partitions are read
-- (the bloom filter on TraceId skips most granules within them).
SELECT
    SpanId AS span_id,
    ParentSpanId AS parent_span_id,
    SpanName AS name,
    ServiceName AS service,
    SpanKind AS kind,
    intDiv(toUnixTimestamp64Nano(Timestamp), 1000) / 1000 AS start_ms,
    Duration / 1e6 AS duration_ms,
    StatusCode AS status_code,
    StatusMessage AS status_message,
    SpanAttributes AS attributes
FROM {traces_table:Identifier}
WHERE TraceId = {trace_id:String}
  AND Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
ORDER BY Timestamp, SpanId
LIMIT {limit:UInt32}
