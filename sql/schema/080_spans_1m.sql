-- Spans and error spans (StatusCode 'Error') per minute of their start and
-- service: the overview's density and the services that have spans.
-- `t` has no zone, like the span table's Timestamp, so both are partitioned
-- by the same days and the backfill replaces one partition by one.
CREATE TABLE IF NOT EXISTS {spans_1m_table:Identifier}
-- include: rollups/span_count_table
PARTITION BY toDate(t)
