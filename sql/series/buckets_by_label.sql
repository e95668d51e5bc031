-- series/buckets_rollup.sql with the hours from the per-label hourly rollup
-- (sql/schema/130): for a panel without label filters (a service filter
-- is a column) that is ungrouped, grouped by service, or grouped by a label
-- whose rows account for every row of the hours (series/label_coverage.sql).
-- It reads a row per (metric, service, group, hour) instead of one per label
-- set: far fewer sketches to merge, and no Map.
WITH
    parts AS (
        -- include: series/rollup_edges
        SELECT
            metric_name,
            if({group_key:String} = 'service', toString(service), label_value) AS grp,
            intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
            hour.n, hour.total, hour.lo, hour.hi, hour.last, hour.q
        FROM {metrics_1h_by_label_table:Identifier} AS hour
        WHERE metric_name IN {metrics:Array(String)}
          AND label_key = if({group_key:String} = 'service', '', {group_key:String})
          AND hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
          AND hasAll([toString(service)], {service_values:Array(String)})
    ),
    -- include: series/rollup_merge
