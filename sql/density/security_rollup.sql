-- density/security.sql from the hourly counts for [h_from, h_to), the
-- per-minute counts for the rest of [m_from, m_to) and raw events for the
-- ragged edges around it (the step is whole minutes; whole hours when the
-- hour range is not empty).
SELECT t, severity, toUInt32(sum(n)) AS n
FROM
(
    -- include: density/security_edges
    UNION ALL
    SELECT intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, toString(severity) AS severity, sum(minute.n) AS n
    FROM {security_1m_table:Identifier} AS minute
    WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
    GROUP BY t, severity
    UNION ALL
    SELECT intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, toString(severity) AS severity, sum(hour.n) AS n
    FROM {security_1h_table:Identifier} AS hour
    WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
    GROUP BY t, severity
)
GROUP BY t, severity
ORDER BY t, severity
