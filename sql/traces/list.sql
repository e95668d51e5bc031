-- Traces with spans starting in [from, to), newest first. The root is the
-- span without a parent (else the earliest span); start and end cover the
-- trace's spans in the window; an error span makes the trace an error.
-- Filters (empty = any): a service any span belongs to, a minimum duration,
-- status 'error' (some span failed) or 'ok' (none did), and a span with the
-- operation name and every attribute pair (parallel keys and values) — one
-- span must match both, as in Jaeger's search.
SELECT
    TraceId AS trace_id,
    if(countIf(ParentSpanId = '') > 0, argMinIf(ServiceName, Timestamp, ParentSpanId = ''), argMin(ServiceName, Timestamp)) AS root_service,
    if(countIf(ParentSpanId = '') > 0, argMinIf(SpanName, Timestamp, ParentSpanId = ''), argMin(SpanName, Timestamp)) AS root_name,
    min(toUnixTimestamp64Nano(Timestamp)) AS start_ns,
    max(toUnixTimestamp64Nano(Timestamp) + toInt64(Duration)) AS end_ns,
    intDiv(start_ns, 1000) / 1000 AS start_ms,
    (end_ns - start_ns) / 1e6 AS duration_ms,
    toUInt32(count()) AS span_count,
    toUInt32(countIf(StatusCode = 'Error')) AS error_count
FROM {traces_table:Identifier}
WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
GROUP BY TraceId
HAVING ({service:String} = '' OR countIf(ServiceName = {service:String}) > 0)
   AND duration_ms >= {min_duration_ms:Float64}
   AND ({status:String} = '' OR ({status:String} = 'error') = (error_count > 0))
   AND (({operation:String} = '' AND empty({attribute_keys:Array(String)}))
        OR countIf(({operation:String} = '' OR SpanName = {operation:String})
                   AND arrayAll((k, v) -> mapContains(SpanAttributes, k) AND SpanAttributes[k] = v, {attribute_keys:Array(String)}, {attribute_values:Array(String)})) > 0)
ORDER BY start_ns DESC, trace_id
LIMIT {limit:UInt32}
