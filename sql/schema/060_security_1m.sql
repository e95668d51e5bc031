-- Security events per minute, severity and event type: the overview's
-- density and the catalog's event types and severities, without reading
-- the events themselves.
CREATE TABLE IF NOT EXISTS {security_1m_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    severity LowCardinality(String),
    event_type LowCardinality(String),
    n SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (t, severity, event_type)
