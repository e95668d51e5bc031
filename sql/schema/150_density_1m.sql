-- The density strip's per-minute counts of every kind (rollups/density_count_table),
-- filled by views on the per-minute security, anomaly and span counts (151–153).
CREATE TABLE IF NOT EXISTS {density_1m_table:Identifier}
-- include: rollups/density_count_table
