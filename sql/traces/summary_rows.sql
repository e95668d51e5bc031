-- The per-trace summary's rows that may belong to traces starting in
-- [from, to): found by the minute of their earliest span (`bucket`), from
-- an hour before the range (a trace's later inserts, so its start is its
-- real start) to an hour after it (its later spans). FROM and WHERE of a
-- read of the summary as `s`.
FROM {trace_summary_table:Identifier} AS s
WHERE s.bucket >= {from:DateTime64(3)} - INTERVAL 1 HOUR AND s.bucket < {to:DateTime64(3)} + INTERVAL 1 HOUR
