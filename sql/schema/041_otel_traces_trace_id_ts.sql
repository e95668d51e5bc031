-- TraceId → first/last span time, as the OTel exporter keeps it: opening a
-- trace looks its time range up here first, then reads only those partitions
-- of the span table instead of scanning every day for one TraceId.
CREATE TABLE IF NOT EXISTS {trace_id_ts_table:Identifier}
(
    TraceId String CODEC(ZSTD(1)),
    Start DateTime CODEC(Delta, ZSTD(1)),
    End DateTime CODEC(Delta, ZSTD(1)),
    INDEX idx_trace_id TraceId TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = MergeTree
PARTITION BY toDate(Start)
ORDER BY (TraceId, Start)
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1
