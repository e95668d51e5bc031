-- Spans and the spans the per-minute and hourly "what changed" rollups
-- account for (each span counts once in its operation's whole cell).
SELECT
    (SELECT toUInt64(count()) FROM {traces_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(spans)) FROM {span_changes_1m_table:Identifier} WHERE scope = '' AND key = '') AS minute,
    (SELECT toUInt64(sum(spans)) FROM {span_changes_1h_table:Identifier} WHERE scope = '' AND key = '') AS hour
