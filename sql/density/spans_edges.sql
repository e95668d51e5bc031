-- Raw spans and error spans per bucket at the ragged edges of a rollup read:
-- [from, m_from) and [m_to, to).
SELECT
    intDiv(toUnixTimestamp64Milli(Timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    count() AS spans,
    countIf(StatusCode = 'Error') AS errors
FROM {traces_table:Identifier}
WHERE (Timestamp >= {from:DateTime64(3)} AND Timestamp < {m_from:DateTime64(3)})
   OR (Timestamp >= {m_to:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
GROUP BY t
