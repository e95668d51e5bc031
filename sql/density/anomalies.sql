-- Detected anomalies (is_anomaly = 1) per bucket [t, t + step).
SELECT
    intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toUInt32(count()) AS n
FROM {anomalies_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AND is_anomaly = 1
GROUP BY t
ORDER BY t
