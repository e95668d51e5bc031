-- Security events are read newest-first within a window (the events table and
-- its keyset pagination), so the sort key is time itself: `ORDER BY timestamp
-- DESC LIMIT n` reads in order and stops early. Filters on severity and
-- event_type (few values) use set indexes; source_ip lookups a bloom filter.
-- event_id is a tie-breaker for pagination when two events share a millisecond;
-- writers that do not know it get a fresh UUID by default.
CREATE TABLE IF NOT EXISTS {security_table:Identifier}
(
    timestamp DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    event_type LowCardinality(String),
    severity LowCardinality(String),
    source_ip String CODEC(ZSTD(1)),
    description String CODEC(ZSTD(1)),
    threat_score Float32,
    action_taken LowCardinality(String),
    service LowCardinality(String),
    event_id UUID DEFAULT generateUUIDv4(),
    INDEX idx_severity severity TYPE set(0) GRANULARITY 4,
    INDEX idx_event_type event_type TYPE set(0) GRANULARITY 4,
    INDEX idx_source_ip source_ip TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (timestamp, event_id)
SETTINGS index_granularity = 8192
