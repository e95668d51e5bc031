-- Security events per minute, severity and event type: the overview's
-- density and the catalog's event types and severities, without reading
-- the events themselves.
CREATE TABLE IF NOT EXISTS {security_1m_table:Identifier}
-- include: rollups/security_count_table
PARTITION BY toDate(t)
