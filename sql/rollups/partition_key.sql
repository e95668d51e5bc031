-- How a table is partitioned (empty when it does not exist): the backfill
-- rebuilds a derived rollup made with an older partitioning.
SELECT partition_key
FROM system.tables
WHERE database = currentDatabase() AND name = {table:String}
