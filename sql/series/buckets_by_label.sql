-- series/buckets_rollup.sql from the per-label rollups (sql/schema/136,
-- 130): for a panel without label filters (a service filter is a column)
-- that is ungrouped, grouped by service, or grouped by a label whose rows
-- account for every row of the range (series/label_coverage.sql). It reads
-- a row per (metric, service, group, minute or hour) instead of one per
-- label set: far fewer sketches to merge, and no Map. The raw edges are
-- the same as there.
WITH
    parts AS (
        -- arm: edges
        -- include: series/rollup_raw_edges
        -- arm: minutes hours
        SELECT
            metric_name,
            if({group_key:String} = 'service', toString(service), label_value) AS grp,
            intDiv(toUnixTimestamp(rollup.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
            rollup.n, rollup.total, rollup.lo, rollup.hi, rollup.last, rollup.q
        FROM (
            -- include: series/by_label_rows
        ) AS rollup
        WHERE label_key = if({group_key:String} = 'service', '', {group_key:String})
        -- end arms
    ),
    -- include: series/rollup_merge
