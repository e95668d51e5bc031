-- The columns, engine and key of the density strip's counts (per minute, per
-- hour): every kind of the overview strip in one narrow table, so a strip
-- reads one table per grain instead of one per kind. `n` is events of the
-- severity, detected anomalies or spans; `errors` error spans (0 otherwise).
-- By month: a 30-day strip reads one or two parts.
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    kind Enum8('security' = 1, 'anomalies' = 2, 'spans' = 3),
    severity LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64),
    errors SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(t)
ORDER BY (t, kind, severity)
