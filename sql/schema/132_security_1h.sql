-- Security events per hour, severity and event type: the per-minute counts
-- (060) merged by a view on them, for what exists over days (the catalog).
CREATE TABLE IF NOT EXISTS {security_1h_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    severity LowCardinality(String),
    event_type LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, severity, event_type)
