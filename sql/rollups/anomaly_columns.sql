-- The columns of a detector verdict (sql/schema/030, and its copy of the
-- flagged ones, 138).
    timestamp DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    value Float64,
    expected_value Float64,
    deviation_score Float64,
    is_anomaly UInt8,
    context Map(LowCardinality(String), String) CODEC(ZSTD(1))
