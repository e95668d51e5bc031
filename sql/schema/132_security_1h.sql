-- Security events per hour, severity and event type: the per-minute counts
-- (060) merged by a view on them, for what exists over days (the catalog).
CREATE TABLE IF NOT EXISTS {security_1h_table:Identifier}
-- include: rollups/security_count_table
