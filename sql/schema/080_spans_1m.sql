-- Spans and error spans (StatusCode 'Error') per minute of their start and
-- service: the overview's density and the services that have spans.
-- `t` has no zone, like the span table's Timestamp, so both are partitioned
-- by the same days and the backfill replaces one partition by one.
CREATE TABLE IF NOT EXISTS {spans_1m_table:Identifier}
(
    t DateTime CODEC(DoubleDelta, ZSTD(1)),
    service LowCardinality(String),
    spans SimpleAggregateFunction(sum, UInt64),
    errors SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, service)
