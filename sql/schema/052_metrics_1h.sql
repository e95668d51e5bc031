-- The hourly metric rollup: the per-minute one's columns, states, key and
-- daily partitions (see 050), for windows of days, where even minutes are
-- too many rows.
CREATE TABLE IF NOT EXISTS {metrics_1h_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    service LowCardinality(String),
    labels Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    n SimpleAggregateFunction(sum, UInt64),
    total SimpleAggregateFunction(sum, Float64),
    lo SimpleAggregateFunction(min, Float64),
    hi SimpleAggregateFunction(max, Float64),
    last AggregateFunction(argMax, Float64, DateTime64(3, 'UTC')),
    q AggregateFunction(quantilesDD(0.01, 0.5, 0.9, 0.95, 0.99), Float64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (metric_name, service, t, labels)
