-- traces/list.sql from the per-trace summary: traces whose first span
-- starts in [from, to), newest first, with figures over the whole trace.
-- A trace's rows (one per insert that carried its spans) are merged here.
-- With {page_first} = 1 (a range expected to hold more than a page) the
-- page's traces are found first from what the filters need alone, and
-- only they merge the root, the widest state: the failed or the slow
-- traces of a day at 1e8 rows took 40 ms instead of 80. With 0 (a range
-- expected to hold less than a page) the condition is a constant and one
-- pass merges all.
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
        toUInt32(sum(s.span_count)) AS span_count,
        -- include: traces/summary_filter_columns
    -- include: traces/summary_rows
      AND ({page_first:UInt8} = 0 OR TraceId IN (
            SELECT TraceId
            FROM
            (
                SELECT
                    TraceId,
                    -- include: traces/summary_filter_columns
                -- include: traces/summary_rows
                GROUP BY TraceId
            )
            WHERE
            -- include: traces/summary_filter
            ORDER BY start_ns DESC, TraceId
            LIMIT {limit:UInt32}
          ))
    GROUP BY TraceId
)
WHERE
-- include: traces/summary_filter
ORDER BY start_ns DESC, trace_id
LIMIT {limit:UInt32}
