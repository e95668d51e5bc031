-- The columns, engine and key of the span count rollups (per minute, per
-- hour); each table names its own partitions.
(
    t DateTime CODEC(DoubleDelta, ZSTD(1)),
    service LowCardinality(String),
    spans SimpleAggregateFunction(sum, UInt64),
    errors SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (t, service)
