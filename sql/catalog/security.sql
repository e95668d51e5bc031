-- Event types and severities present in security_events in [from, to).
SELECT
    arraySort(groupUniqArray(toString(event_type))) AS event_types,
    arraySort(groupUniqArray(toString(severity))) AS severities
FROM {security_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
