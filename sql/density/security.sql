-- Security events per bucket [t, t + step) and severity, for the overview strip.
SELECT
    intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toString(severity) AS severity,
    toUInt32(count()) AS n
FROM {security_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
GROUP BY t, severity
ORDER BY t, severity
