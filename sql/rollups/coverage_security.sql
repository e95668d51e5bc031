-- Security events and the events the per-minute counts account for.
SELECT
    (SELECT toUInt64(count()) FROM {security_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(n)) FROM {security_1m_table:Identifier}) AS minute
