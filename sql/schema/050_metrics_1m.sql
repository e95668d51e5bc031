-- Rollups of metrics_events: one row per (metric, service, label set) and
-- minute (this table) or hour (the next), kept by materialized views at
-- insert. Rows of one key that arrive in different inserts are merged by
-- the engine in the background and always at read (GROUP BY with -Merge).
-- count/sum/min/max/last stay exact when merged; quantiles come from a
-- DDSketch state (quantilesDD, relative accuracy 1 %), whose merge is
-- lossless: merged buckets give the same answer as one pass over the rows.
-- The key puts time before the label set, so a window is one range per
-- (metric, service), like the raw table.
CREATE TABLE IF NOT EXISTS {metrics_1m_table:Identifier}
(
    t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    metric_name LowCardinality(String),
    service LowCardinality(String),
    labels Map(LowCardinality(String), LowCardinality(String)) CODEC(ZSTD(1)),
    -- include: rollups/metric_state_columns
)
ENGINE = AggregatingMergeTree
PARTITION BY toDate(t)
ORDER BY (metric_name, service, t, labels)
