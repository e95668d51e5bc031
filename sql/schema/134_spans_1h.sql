-- Spans and error spans per hour and service: the per-minute counts (080)
-- merged by a view on them. No zone on `t`, like the span table's own time.
CREATE TABLE IF NOT EXISTS {spans_1h_table:Identifier}
(
    t DateTime CODEC(DoubleDelta, ZSTD(1)),
    service LowCardinality(String),
    spans SimpleAggregateFunction(sum, UInt64),
    errors SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, service)
