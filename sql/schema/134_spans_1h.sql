-- Spans and error spans per hour and service: the per-minute counts (080)
-- merged by a view on them. No zone on `t`, like the span table's own time.
CREATE TABLE IF NOT EXISTS {spans_1h_table:Identifier}
-- include: rollups/span_count_table
