-- Partitions of a source table the backfill has finished, with the rows it saw.
SELECT partition_id, rows
FROM {backfill_table:Identifier} FINAL
WHERE source = {source:String}
