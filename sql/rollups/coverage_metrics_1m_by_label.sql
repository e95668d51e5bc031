-- Rows of metrics_events and the rows the per-label per-minute rollup
-- accounts for (its label key '' rows hold every row once): equal once it is filled.
SELECT
    (SELECT toUInt64(count()) FROM {metrics_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(n)) FROM {metrics_1m_by_label_table:Identifier} WHERE label_key = '') AS derived
