-- Per metric, group and bucket [t, t + step): every statistic the route may
-- pick (count, sum, min, max, last, p50/p90/p95/p99), so one file serves all
-- aggregations but rate, straight from the raw rows (the rollups' fallback,
-- and the source for steps finer than a minute). Buckets are multiples of
-- step since the epoch. Quantiles use the rollups' sketch (quantilesDD,
-- relative accuracy 1 %), so an answer does not change with its source.
-- Without a group key every matching row of a metric is one series; with
-- one, only the top_n (metric, value) pairs by row count are kept.
-- Label filters: every (key, value) pair must be in the labels map, and
-- every service value must equal the service column (label key `service`).
WITH
    buckets AS (
        SELECT
            metric_name AS metric,
            -- include: series/group_of_row
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
          -- include: series/label_match
        GROUP BY metric, grp, t
    )
-- include: series/top_groups
