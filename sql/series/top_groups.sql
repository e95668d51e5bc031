-- The end of a series read: the per-bucket rows of `buckets` (metric, grp,
-- t, n and the statistics), keeping when grouped only the top_n (metric,
-- group) pairs by row count. The ranking is computed over those same rows
-- by window functions: a separate subquery for it would scan the source a
-- second time (ClickHouse inlines a CTE at each use).
SELECT
    metric, grp AS group_value, t, n,
    -- include: series/bucket_values
FROM
(
    SELECT *, dense_rank() OVER (ORDER BY group_rows DESC, metric, grp) AS group_rank
    FROM (SELECT *, sum(n) OVER (PARTITION BY metric, grp) AS group_rows FROM buckets)
)
WHERE {group_key:String} = '' OR group_rank <= {top_n:UInt32}
ORDER BY metric, group_value, t
