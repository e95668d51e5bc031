-- Per metric: the raw rows its per-minute and hourly rollups stand for and
-- the rollups' own rows (unmerged ones included: a read reads them too).
-- Their ratio is how much reading a rollup saves for that metric; a table's
-- metrics differ widely (a latency sampled per order against a gauge
-- scraped once a minute), so it is judged per metric, not per table.
-- Summed over the metrics, the raw rows tell whether the rollups hold
-- every row of the raw table (its count from rollups/row_count).
SELECT
    metric_name AS metric,
    toUInt64(sumIf(raw, tier = 'minute')) AS minute_raw,
    toUInt64(sumIf(rows, tier = 'minute')) AS minute_rows,
    toUInt64(sumIf(raw, tier = 'hour')) AS hour_raw,
    toUInt64(sumIf(rows, tier = 'hour')) AS hour_rows
FROM
(
    SELECT 'minute' AS tier, metric_name, sum(n) AS raw, count() AS rows
    FROM {metrics_1m_table:Identifier}
    GROUP BY metric_name
    UNION ALL
    SELECT 'hour' AS tier, metric_name, sum(n) AS raw, count() AS rows
    FROM {metrics_1h_table:Identifier}
    GROUP BY metric_name
)
GROUP BY metric
