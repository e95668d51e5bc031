-- density/anomalies.sql from the per-minute counts for [m_from, m_to) and
-- raw detections for the ragged edges around it (the step is whole minutes).
SELECT t, toUInt32(sum(n)) AS n
FROM
(
    -- include: density/anomalies_edges
    UNION ALL
    SELECT intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, sum(minute.n) AS n
    FROM {anomalies_1m_table:Identifier} AS minute
    WHERE minute.t >= {m_from:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)}
    GROUP BY t
)
GROUP BY t
ORDER BY t
