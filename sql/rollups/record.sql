-- Records a partition the backfill has finished.
INSERT INTO {backfill_table:Identifier} (source, partition_id, rows)
VALUES ({source:String}, {partition_id:String}, {rows:UInt64})
