-- The columns, engine, partitions and key of the per-label metric rollups
-- (per minute, per hour: sql/schema/136, 130).
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    label_key LowCardinality(String),
    service LowCardinality(String),
    label_value String CODEC(ZSTD(1)),
    -- include: rollups/metric_state_columns
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (metric_name, label_key, t, service, label_value)
