-- Raw detected anomalies at the ragged edges of a rollup read, [from, m_from)
-- and [m_to, to): a row each (n = 1) with its bucket (as security_edges).
SELECT intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t, toUInt64(1) AS n
FROM {anomalies_table:Identifier}
WHERE is_anomaly = 1
  AND ((timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}))
