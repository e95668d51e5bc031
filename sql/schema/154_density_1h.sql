-- The density strip's hourly counts of every kind: the per-minute ones (150)
-- merged by a view on them (155). Anomalies have hours here too.
CREATE TABLE IF NOT EXISTS {density_1h_table:Identifier}
-- include: rollups/density_count_table
