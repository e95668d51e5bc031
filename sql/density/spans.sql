-- Spans and error spans (StatusCode 'Error') per bucket [t, t + step) of their start.
SELECT
    intDiv(toUnixTimestamp64Milli(Timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toUInt32(count()) AS spans,
    toUInt32(countIf(StatusCode = 'Error')) AS errors
FROM {traces_table:Identifier}
WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
GROUP BY t
ORDER BY t
