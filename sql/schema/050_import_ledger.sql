-- The import ledger: one row per batch the ingest door wrote, keyed by a
-- hash of the batch's table and content. Batches are cut deterministically
-- from a file, so importing it again (or resuming an import that failed
-- half-way) finds its batches here and skips them instead of duplicating
-- rows. Replacing on the key keeps one row per batch however often recorded.
CREATE TABLE IF NOT EXISTS {imports_table:Identifier}
(
    token String,
    target_table String,
    rows UInt32,
    source String,
    format LowCardinality(String),
    imported_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree
ORDER BY token
