-- Spans and error spans per hour and service: the per-minute counts (080)
-- merged by a view on them. No zone on `t`, like the span table's own time.
-- By month, as the hourly security counts (132) are, for the same reason.
CREATE TABLE IF NOT EXISTS {spans_1h_table:Identifier}
-- include: rollups/span_count_table
PARTITION BY toYYYYMM(t)
