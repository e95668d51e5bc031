-- Security events per hour, severity and event type: the per-minute counts
-- (060) merged by a view on them, for what exists over days (the catalog).
-- By month, not by day as the per-minute counts are: a few thousand rows a
-- month, and a 30-day strip paid a fixed cost per part (31 daily parts:
-- 9-12 ms of a density read at 1e8 rows, against 5 ms for one part). A table
-- made by day before this is rebuilt by the backfill (lib/rollups/backfill.ts).
CREATE TABLE IF NOT EXISTS {security_1h_table:Identifier}
-- include: rollups/security_count_table
PARTITION BY toYYYYMM(t)
