-- Per-second increase of a counter, per metric, group and bucket [t, t + step).
-- Each raw series (metric, service, labels) contributes the increase between
-- consecutive samples, attributed to the later sample's bucket; a decrease is
-- a counter reset (the increase is then the new value, as in Prometheus).
-- Rows from scan_from (a lookback before the window) give the first sample
-- in the window its predecessor; only samples inside [from, to) count.
-- A group's rate is the sum of its raw series' rates over the step.
WITH
    matching AS (
        SELECT
            metric_name,
            service,
            labels,
            timestamp,
            value,
            if({group_key:String} = '', '',
                if({group_key:String} = 'service', toString(service), labels[{group_key:String}])) AS grp
        FROM {metrics_table:Identifier}
        WHERE metric_name IN {metrics:Array(String)}
          AND timestamp >= {scan_from:DateTime64(3)}
          AND timestamp < {to:DateTime64(3)}
          -- include: series/label_match
    ),
    top_groups AS (
        SELECT metric_name, grp
        FROM matching
        WHERE {group_key:String} != '' AND timestamp >= {from:DateTime64(3)}
        GROUP BY metric_name, grp
        ORDER BY count() DESC, metric_name, grp
        LIMIT {top_n:UInt32}
    ),
    increases AS (
        SELECT
            metric_name,
            grp,
            timestamp,
            value,
            lagInFrame(value, 1, nan) OVER (
                PARTITION BY metric_name, service, labels
                ORDER BY timestamp
                ROWS BETWEEN 1 PRECEDING AND CURRENT ROW
            ) AS previous
        FROM matching
        WHERE {group_key:String} = '' OR (metric_name, grp) IN top_groups
    )
SELECT
    metric_name AS metric,
    grp AS group_value,
    intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    toUInt32(count()) AS n,
    sum(if(value >= previous, value - previous, value)) / ({step_ms:Int64} / 1000) AS rate
FROM increases
WHERE timestamp >= {from:DateTime64(3)} AND NOT isNaN(previous)
GROUP BY metric, group_value, t
ORDER BY metric, group_value, t
