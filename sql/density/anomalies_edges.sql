-- Raw detected anomalies per bucket at the ragged edges of a rollup read:
-- [from, m_from) and [m_to, to).
SELECT intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t, count() AS n
FROM {anomalies_table:Identifier}
WHERE is_anomaly = 1
  AND ((timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}))
GROUP BY t
