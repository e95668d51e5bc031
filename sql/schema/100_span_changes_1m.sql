-- Spans for "what changed" (sql/changes/spans*.sql), per minute of their
-- start: per operation (service, span name) and cell (the operation as a
-- whole: scope = key = value = '', or one span / resource attribute
-- key=value) and self-time class `b`, how many spans and how many failed on
-- their own. `b` is the span's self time (duration minus its children's) in
-- quarter octaves, floor(4 log2(ns)) (-1: no self time), so "slower than the
-- baseline's p95 of the operation" is answered from counts: the p95 class
-- is found from the baseline's classes and slow is every class above it.
-- A key with more than 50 distinct values in a minute of one insert (an
-- order id) keeps one row with `crowded` = 1 instead of its values: such a
-- key has more than 50 values in any window holding that minute, which
-- rules it out as a cell (the query's limit is the same 50).
-- `t` has no zone, like the span table's Timestamp, so partitions match.
CREATE TABLE IF NOT EXISTS {span_changes_1m_table:Identifier}
(
    t DateTime CODEC(DoubleDelta, ZSTD(1)),
    service LowCardinality(String),
    operation LowCardinality(String),
    scope LowCardinality(String),
    key LowCardinality(String),
    value String CODEC(ZSTD(1)),
    crowded UInt8,
    b Int16,
    spans SimpleAggregateFunction(sum, UInt64),
    failed SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, service, operation, scope, key, value, crowded, b)
