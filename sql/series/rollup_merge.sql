-- The end of a rollup read: `parts` (states per metric, group and bucket
-- from the tiers) merged per bucket, then the top groups kept (when
-- grouped). Included after `WITH parts AS (…),`.
    buckets AS (
        SELECT
            metric_name AS metric,
            grp,
            t,
            toUInt32(sum(n)) AS n,
            sum(total) AS total,
            min(lo) AS lo,
            max(hi) AS hi,
            argMaxMerge(last) AS last,
            quantilesDDMergeIf(0.01, 0.5, 0.9, 0.95, 0.99)(q, {with_quantiles:UInt8} = 1) AS q
        FROM parts
        GROUP BY metric, grp, t
    )
-- include: series/top_groups
