-- The columns, engine and key of the security count rollups (per minute, per
-- hour); each table names its own partitions.
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    severity LowCardinality(String),
    event_type LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY (t, severity, event_type)
