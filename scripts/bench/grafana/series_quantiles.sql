-- The latency panel as a Grafana ClickHouse panel writes it: the raw table,
-- toStartOfInterval($__interval), quantile() per level, GROUP BY time.
SELECT
    toStartOfInterval(timestamp, toIntervalSecond({step_s:UInt32})) AS t,
    quantile(0.5)(value) AS p50,
    quantile(0.95)(value) AS p95,
    quantile(0.99)(value) AS p99
FROM {metrics_table:Identifier}
WHERE metric_name = {metric:String} AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
GROUP BY t
ORDER BY t
