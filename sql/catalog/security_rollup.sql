-- catalog/security.sql from the per-minute security counts for
-- [m_from, m_to) and raw events for the ragged edges around it.
SELECT
    arraySort(groupUniqArray(event_type)) AS event_types,
    arraySort(groupUniqArray(severity)) AS severities
FROM
(
    SELECT toString(event_type) AS event_type, toString(severity) AS severity FROM {security_table:Identifier}
    WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
    UNION ALL
    SELECT toString(event_type) AS event_type, toString(severity) AS severity FROM {security_1m_table:Identifier} AS minute
    WHERE minute.t >= {m_from:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)}
)
