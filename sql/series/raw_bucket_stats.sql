-- The bucket and the statistics of a raw series read (series/buckets,
-- series/buckets_plain), from its FROM to its time range; the including
-- file gives the group before it and any label filter after it.
    intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toUInt32(count()) AS n,
    sum(value) AS total,
    min(value) AS lo,
    max(value) AS hi,
    argMax(value, timestamp) AS last,
    quantilesDDIf(0.01, 0.5, 0.9, 0.95, 0.99)(value, {with_quantiles:UInt8} = 1) AS q
FROM {metrics_table:Identifier}
WHERE metric_name IN {metrics:Array(String)}
  AND timestamp >= {from:DateTime64(3)}
  AND timestamp < {to:DateTime64(3)}
