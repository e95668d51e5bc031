-- One row per trace and insert: a trace's spans may arrive in several
-- inserts, so each column is a state that merges (min start, max end, the
-- root span as the least (has-parent, start, service, name) tuple: a span
-- without parent first, else the earliest, as traces/list.sql picks it,
-- sums of spans and error spans, the set of services), and readers merge
-- with GROUP BY TraceId. `bucket` is the minute of the row's earliest span:
-- the key starts with it, so a window reads one range, newest last. It
-- has no zone, like Timestamp, so partitions match the span table's days.
CREATE TABLE IF NOT EXISTS {trace_summary_table:Identifier}
(
    bucket DateTime CODEC(DoubleDelta, ZSTD(1)),
    TraceId String CODEC(ZSTD(1)),
    start_ns SimpleAggregateFunction(min, Int64),
    end_ns SimpleAggregateFunction(max, Int64),
    root SimpleAggregateFunction(min, Tuple(UInt8, Int64, String, String)),
    span_count SimpleAggregateFunction(sum, UInt64),
    error_count SimpleAggregateFunction(sum, UInt64),
    services SimpleAggregateFunction(groupUniqArrayArray, Array(String))
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(bucket)
ORDER BY (bucket, TraceId)
