-- Raw spans at the ragged edges of a rollup read, [from, m_from) and
-- [m_to, to): a row each (spans = 1, errors 1 for an error span) with its
-- bucket (as security_edges).
SELECT
    intDiv(toUnixTimestamp64Milli(Timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toUInt64(1) AS spans,
    toUInt64(StatusCode = 'Error') AS errors
FROM {traces_table:Identifier}
WHERE (Timestamp >= {from:DateTime64(3)} AND Timestamp < {m_from:DateTime64(3)})
   OR (Timestamp >= {m_to:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
