-- density/spans.sql from the hourly counts for [h_from, h_to), the
-- per-minute counts for the rest of [m_from, m_to) and raw spans for the
-- ragged edges around it (the step is whole minutes; whole hours when the
-- hour range is not empty).
SELECT t, toUInt32(sum(spans)) AS spans, toUInt32(sum(errors)) AS errors
FROM
(
    -- include: density/spans_edges
    UNION ALL
    SELECT intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, sum(minute.spans) AS spans, sum(minute.errors) AS errors
    FROM {spans_1m_table:Identifier} AS minute
    WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
    GROUP BY t
    UNION ALL
    SELECT intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, sum(hour.spans) AS spans, sum(hour.errors) AS errors
    FROM {spans_1h_table:Identifier} AS hour
    WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
    GROUP BY t
)
GROUP BY t
ORDER BY t
