-- p95 per exchange as a Grafana ClickHouse panel writes it: Map access on every raw row.
SELECT
    toStartOfInterval(timestamp, toIntervalSecond({step_s:UInt32})) AS t,
    labels['exchange'] AS exchange,
    quantile(0.95)(value) AS p95
FROM {metrics_table:Identifier}
WHERE metric_name = {metric:String} AND timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
GROUP BY t, exchange
ORDER BY t, exchange
