-- traces/list.sql from the per-trace summary: traces whose first span
-- starts in [from, to), newest first, with figures over the whole trace.
-- A trace's rows (one per insert that carried its spans) are merged here;
-- rows are found by the minute of their earliest span (`bucket`), read from
-- an hour before the range (a trace's later inserts, so its start is its
-- real start) to an hour after it (its later spans).
SELECT
    TraceId AS trace_id,
    root.3 AS root_service,
    root.4 AS root_name,
    intDiv(start_ns, 1000) / 1000 AS start_ms,
    (end_ns - start_ns) / 1e6 AS duration_ms,
    span_count,
    error_count
FROM
(
    SELECT
        TraceId,
        min(s.root) AS root,
        min(s.start_ns) AS start_ns,
        max(s.end_ns) AS end_ns,
        toUInt32(sum(s.span_count)) AS span_count,
        toUInt32(sum(s.error_count)) AS error_count,
        groupUniqArrayArray(s.services) AS services
    FROM {trace_summary_table:Identifier} AS s
    WHERE s.bucket >= {from:DateTime64(3)} - INTERVAL 1 HOUR AND s.bucket < {to:DateTime64(3)} + INTERVAL 1 HOUR
    GROUP BY TraceId
)
WHERE start_ns >= {from_ms:Int64} * 1000000 AND start_ns < {to_ms:Int64} * 1000000
  AND ({service:String} = '' OR has(services, {service:String}))
  AND duration_ms >= {min_duration_ms:Float64}
  AND ({status:String} = '' OR ({status:String} = 'error') = (error_count > 0))
ORDER BY start_ns DESC, trace_id
LIMIT {limit:UInt32}
