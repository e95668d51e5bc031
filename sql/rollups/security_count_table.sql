-- The columns, engine and key of the security count rollups (per minute, per hour).
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    severity LowCardinality(String),
    event_type LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, severity, event_type)
