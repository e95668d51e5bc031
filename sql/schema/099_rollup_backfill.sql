-- Progress of `npm run rollups:backfill`: one row per source table and
-- partition whose rollups it has rebuilt, so an interrupted run resumes.
CREATE TABLE IF NOT EXISTS {backfill_table:Identifier}
(
    source String,
    partition_id String,
    rows UInt64,
    finished DateTime('UTC') DEFAULT now()
)
ENGINE = ReplacingMergeTree(finished)
ORDER BY (source, partition_id)
