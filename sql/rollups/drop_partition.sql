-- Empties one partition of a rollup before the backfill refills it.
ALTER TABLE {table:Identifier} DROP PARTITION ID {partition_id:String}
