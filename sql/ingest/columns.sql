-- The live columns of a table (the ingest door writes only these; the
-- trace reads adapt to them): exporters of different versions differ.
SELECT name, type
FROM system.columns
WHERE database = if({database:String} = '', currentDatabase(), {database:String})
  AND table = {table:String}
ORDER BY position
