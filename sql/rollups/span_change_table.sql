-- The columns, engine and key of the span change rollups (schema 100, 102).
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
