-- The end of a rollup read: `parts` (states per metric, group and bucket
-- from the tiers) merged per bucket, keeping only the top_n (metric, group)
-- pairs by row count when grouped. Included after `WITH parts AS (…),`.
    top_groups AS (
        SELECT metric_name, grp
        FROM parts
        WHERE {group_key:String} != ''
        GROUP BY metric_name, grp
        ORDER BY sum(n) DESC, metric_name, grp
        LIMIT {top_n:UInt32}
    )
SELECT
    metric_name AS metric,
    grp AS group_value,
    t,
    toUInt32(sum(n)) AS n,
    sum(total) AS total,
    min(lo) AS lo,
    max(hi) AS hi,
    argMaxMerge(last) AS last,
    quantilesDDMergeIf(0.01, 0.5, 0.9, 0.95, 0.99)(q, {with_quantiles:UInt8} = 1) AS q
FROM parts
WHERE {group_key:String} = '' OR (metric_name, grp) IN top_groups
GROUP BY metric, group_value, t
ORDER BY metric, group_value, t
