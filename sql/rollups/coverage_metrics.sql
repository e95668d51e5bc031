-- Rows of metrics_events and the rows its rollups account for (equal when
-- the rollups hold every row: kept by their views, or backfilled).
SELECT
    (SELECT toUInt64(count()) FROM {metrics_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(n)) FROM {metrics_1m_table:Identifier}) AS minute,
    (SELECT toUInt64(sum(n)) FROM {metrics_1h_table:Identifier}) AS hour
