-- The per-minute metric rollup per single label instead of per label set,
-- like the hourly one (sql/schema/130): for each (metric, service, minute)
-- one row with label_key '' (every row of the metric) and one per (label
-- key, value) that occurs. Windows of hours to a day read per-minute rows;
-- an ungrouped panel then merges one sketch per minute and service instead
-- of one per label set (32 at 1e8 rows), and a panel grouped by a label a
-- few per value, without reading the Map. Partitioned by day like the
-- per-minute rollup by label set, whose inserts fill it, so the backfill
-- empties and refills the same days of both.
CREATE TABLE IF NOT EXISTS {metrics_1m_by_label_table:Identifier}
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
