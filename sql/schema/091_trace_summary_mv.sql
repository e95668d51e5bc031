-- Fills the per-trace summary on every insert into the span table.
CREATE MATERIALIZED VIEW IF NOT EXISTS {trace_summary_mv:Identifier}
TO {trace_summary_table:Identifier}
AS SELECT
    toStartOfMinute(min(Timestamp)) AS bucket,
    TraceId,
    min(toUnixTimestamp64Nano(Timestamp)) AS start_ns,
    max(toUnixTimestamp64Nano(Timestamp) + toInt64(Duration)) AS end_ns,
    min((toUInt8(ParentSpanId != ''), toUnixTimestamp64Nano(Timestamp), toString(ServiceName), toString(SpanName))) AS root,
    count() AS span_count,
    countIf(StatusCode = 'Error') AS error_count,
    groupUniqArray(toString(ServiceName)) AS services
FROM {traces_table:Identifier}
WHERE TraceId != ''
GROUP BY TraceId
