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
            -- include: series/raw_bucket_stats
          -- include: series/label_match
        GROUP BY metric, grp, t
    )
-- include: series/top_groups
