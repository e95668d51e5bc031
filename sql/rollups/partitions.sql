-- The partitions of a table with their row counts, oldest first: the units
-- `npm run rollups:backfill` works in.
SELECT partition_id, toUInt64(sum(rows)) AS rows
FROM system.parts
WHERE active
  AND ((database = currentDatabase() AND table = {table:String}) OR concat(database, '.', table) = {table:String})
GROUP BY partition_id
ORDER BY partition_id
