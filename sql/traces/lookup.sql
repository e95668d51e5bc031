-- A trace's time range from the TraceId → [Start, End] table the
-- materialized view fills (whole seconds): no row when the trace is unknown.
SELECT
    toUInt32(min(Start)) AS start_s,
    toUInt32(max(End)) AS end_s
FROM {trace_id_ts_table:Identifier}
WHERE TraceId = {trace_id:String}
GROUP BY TraceId
