-- series/buckets.sql answered from the rollups: the same rows, merged from
-- three sources that tile the window [from, to) without overlap (see
-- lib/queries/tiers.ts): the hourly rollup for [h_from, h_to), the
-- per-minute one for the rest of [m_from, m_to), raw rows for the ragged
-- edges outside it. The step is a multiple of each rollup's grain used, so
-- every rollup row falls in one bucket. The raw edges are turned into the
-- rollups' states, so count/sum/min/max/last merge exactly and quantiles
-- merge losslessly (a DDSketch state).
WITH
    parts AS (
        SELECT
            metric_name,
            if({group_key:String} = '', '',
                if({group_key:String} = 'service', toString(service), labels[{group_key:String}])) AS grp,
            intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
            count() AS n,
            sum(value) AS total,
            min(value) AS lo,
            max(value) AS hi,
            argMaxState(value, timestamp) AS last,
            quantilesDDState(0.01, 0.5, 0.9, 0.95, 0.99)(value) AS q
        FROM {metrics_table:Identifier}
        WHERE metric_name IN {metrics:Array(String)}
          AND ((timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
               OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}))
          -- include: series/label_match
        GROUP BY metric_name, grp, t
        UNION ALL
        SELECT
            metric_name,
            if({group_key:String} = '', '',
                if({group_key:String} = 'service', toString(service), labels[{group_key:String}])) AS grp,
            intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
            minute.n, minute.total, minute.lo, minute.hi, minute.last, minute.q
        FROM {metrics_1m_table:Identifier} AS minute
        WHERE metric_name IN {metrics:Array(String)}
          AND ((minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
               OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)}))
          -- include: series/label_match
        UNION ALL
        SELECT
            metric_name,
            if({group_key:String} = '', '',
                if({group_key:String} = 'service', toString(service), labels[{group_key:String}])) AS grp,
            intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
            hour.n, hour.total, hour.lo, hour.hi, hour.last, hour.q
        FROM {metrics_1h_table:Identifier} AS hour
        WHERE metric_name IN {metrics:Array(String)}
          AND hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
          -- include: series/label_match
    ),
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
