-- The hourly span change rollup: the per-minute one's columns and key (see
-- 100), for baselines of days.
CREATE TABLE IF NOT EXISTS {span_changes_1h_table:Identifier}
-- include: rollups/span_change_table
