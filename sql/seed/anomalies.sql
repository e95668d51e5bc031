-- The anomaly detector's verdicts, computed from the metrics just written so
-- they line up with the data: per minute and per series (exchange, strategy
-- or service), one aggregate (p99 for latency, min for connectivity, mean
-- otherwise) compared with the two hours before it. The expectation is those
-- hours' median and the spread their interquartile range (robust to the
-- incident's own minutes once they enter the window); latency and order rate
-- are compared in log space since their noise is multiplicative. A floor on
-- the spread keeps flat series (connectivity is always 1) from flagging
-- rounding noise. |score| >= 5 is an anomaly. Means are summed as integers
-- (micro-units) so that parallel aggregation cannot change the last bit.
INSERT INTO {anomalies_table:Identifier} (timestamp, metric_name, value, expected_value, deviation_score, is_anomaly, context)
SELECT
    minute AS timestamp,
    metric_name,
    round(agg_value, 4) AS value,
    round(if(log_space, exp(median), median), 4) AS expected_value,
    round((x - median) / greatest((q3 - q1) / 1.349, spread_floor), 3) AS deviation_score,
    abs(deviation_score) >= 5 AS is_anomaly,
    map(key_name, key, 'aggregate', aggregate, 'detector', 'rolling-robust-zscore', 'window', '120m', 'threshold', '5') AS context
FROM
(
    SELECT
        *,
        quantileExact(0.5)(x) OVER w AS median,
        quantileExact(0.25)(x) OVER w AS q1,
        quantileExact(0.75)(x) OVER w AS q3,
        count() OVER w AS history
    FROM
    (
        SELECT
            metric_name,
            multiIf(metric_name = 'margin_utilization', 'strategy', metric_name = 'cpu_utilization', 'service', 'exchange') AS key_name,
            multiIf(key_name = 'strategy', labels['strategy'], key_name = 'service', service, labels['exchange']) AS key,
            toStartOfMinute(timestamp) AS minute,
            multiIf(metric_name = 'order_latency_ms', 'p99', metric_name = 'exchange_connected', 'min', 'avg') AS aggregate,
            multiIf(aggregate = 'p99', quantileExact(0.99)(value), aggregate = 'min', min(value),
                    sum(toInt64(round(value * 1e6))) / count() / 1e6) AS agg_value,
            metric_name IN ('order_latency_ms', 'order_rate') AS log_space,
            if(log_space, log(greatest(agg_value, 1e-3)), agg_value) AS x,
            transform(metric_name, ['order_latency_ms', 'order_rate', 'exchange_connected', 'fill_rate', 'reject_rate', 'margin_utilization', 'cpu_utilization'],
                      [0.3, 0.1, 0.02, 0.02, 0.005, 0.02, 0.03], 0.05) AS spread_floor
        FROM {metrics_table:Identifier}
        WHERE metric_name IN ('order_latency_ms', 'order_rate', 'exchange_connected', 'fill_rate', 'reject_rate', 'margin_utilization', 'cpu_utilization')
          AND timestamp >= {start:DateTime64(3)} AND timestamp < {end:DateTime64(3)}
        GROUP BY metric_name, key_name, key, minute
    )
    WINDOW w AS (PARTITION BY metric_name, key ORDER BY minute ROWS BETWEEN 120 PRECEDING AND 1 PRECEDING)
)
-- the first half hour of each series has too little history to judge
WHERE history >= 30
