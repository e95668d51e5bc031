-- Raw security events at the ragged edges of a rollup read, [from, m_from) and
-- [m_to, to): a row each (n = 1) with its bucket and severity, summed by the
-- including query's one GROUP BY (an edge holds a few hundred rows; a GROUP BY
-- of its own was one more aggregation of the pipeline).
SELECT intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t, toString(severity) AS severity, toUInt64(1) AS n
FROM {security_table:Identifier}
WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
   OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
