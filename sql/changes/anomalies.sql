-- What changed, anomalies. Per series the detector judged (metric and
-- context), how many of its points were flagged in the window and in the
-- baseline, and its largest |score| in the window; only series flagged in
-- the window. The totals say how many points the detector judged on each
-- side (none in the baseline: there is nothing to compare with), summed over
-- every series in the same pass. `labels` keeps the context entries that are
-- label keys (or `service`) of the metric in the window, so a panel can be
-- filtered on them.
WITH
    per_series AS (
        SELECT
            metric_name,
            context,
            toUInt32(countIf(is_anomaly = 1 AND in_window)) AS window_count,
            toUInt32(countIf(is_anomaly = 1 AND in_base)) AS baseline_count,
            maxIf(abs(deviation_score), is_anomaly = 1 AND in_window) AS max_deviation,
            countIf(in_window) AS judged_window,
            countIf(in_base) AS judged_base,
            minIf(timestamp, in_base) AS first_base
        FROM
        (
            SELECT
                metric_name,
                context,
                is_anomaly,
                deviation_score,
                timestamp,
                timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AS in_window,
                timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)} AS in_base
            FROM {anomalies_table:Identifier}
            WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
               OR (timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)})
        )
        GROUP BY metric_name, context
    ),
    flagged AS (
        SELECT
            metric_name,
            context,
            window_count,
            baseline_count,
            max_deviation,
            toUInt32(sum(judged_window) OVER ()) AS window_judged,
            toUInt32(sum(judged_base) OVER ()) AS baseline_judged,
            minIf(first_base, judged_base > 0) OVER () AS baseline_first
        FROM per_series
    ),
    label_keys AS (
        SELECT metric_name, groupUniqArrayArray(arrayConcat(['service'], mapKeys(labels))) AS keys
        FROM {metrics_table:Identifier}
        WHERE metric_name IN (
                SELECT DISTINCT metric_name FROM {anomalies_table:Identifier}
                WHERE is_anomaly = 1 AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
          AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
        GROUP BY metric_name
    )
SELECT
    f.metric_name AS metric,
    f.context AS context,
    mapFilter((k, v) -> has(l.keys, k), f.context) AS labels,
    f.window_count AS window_count,
    f.baseline_count AS baseline_count,
    f.max_deviation AS max_deviation,
    f.window_judged AS window_judged,
    f.baseline_judged AS baseline_judged,
    toUnixTimestamp64Milli(f.baseline_first) AS baseline_first
FROM flagged AS f
LEFT JOIN label_keys AS l ON l.metric_name = f.metric_name
WHERE f.window_count > 0
ORDER BY f.window_count DESC, metric, toString(f.context)
LIMIT {max_series:UInt32}
