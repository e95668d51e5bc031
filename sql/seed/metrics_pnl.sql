-- Cumulative PnL per strategy since the start of the data, a point every
-- {series_step_s} seconds: a drifting random walk (hashed normal increments
-- summed by a window function, so it is smooth and deterministic) minus the
-- incidents' drawdowns. Incident 1 (coinbase disconnect) leaves positions
-- unhedged: the loss grows through the outage, then 75 % of it is won back
-- over a few hours. Incident 3 (margin spike) forces a smaller deleveraging loss.
INSERT INTO {metrics_table:Identifier} (timestamp, metric_name, service, value, labels)
WITH
    (t_ms - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_min,
    (toUnixTimestamp64Milli({coinbase_end:DateTime64(3)}) - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_len,
    (t_ms - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_min,
    (toUnixTimestamp64Milli({margin_end:DateTime64(3)}) - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_len,
    -- Share of the full drawdown in effect: grows linearly during, then recovers towards 25 %.
    multiIf(cb_len = 0 OR cb_min < 0, 0, cb_min < cb_len, cb_min / cb_len, 0.25 + 0.75 * exp(-(cb_min - cb_len) / 90)) AS cb_drawdown,
    multiIf(mg_len = 0 OR mg_min < 0, 0, mg_min < mg_len, mg_min / mg_len, 0.4 + 0.6 * exp(-(mg_min - mg_len) / 120)) AS mg_drawdown
SELECT
    fromUnixTimestamp64Milli(toInt64(t_ms), 'UTC') AS timestamp,
    'pnl_usd' AS metric_name,
    'strategy-engine' AS service,
    round(sum(increment) OVER (PARTITION BY strategy ORDER BY tick ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        - if(strategy = 'market-making', 85000, 30000) * cb_drawdown
        - if(strategy = 'market-making', 40000, 25000) * mg_drawdown, 2) AS value,
    map('strategy', strategy) AS labels
FROM
(
    SELECT
        number AS tick,
        strategy,
        toUnixTimestamp64Milli({start:DateTime64(3)}) + number * {series_step_s:UInt32} * 1000 AS t_ms,
        sqrt(-2 * log((cityHash64({seed:UInt64}, number, strategy, 1) + 0.5) / 18446744073709551616))
            * cos(2 * pi() * (cityHash64({seed:UInt64}, number, strategy, 2) + 0.5) / 18446744073709551616) AS z,
        -- drift $/s and volatility $/sqrt(s), scaled to the step
        if(strategy = 'market-making', 0.55, 0.25) * {series_step_s:UInt32}
            + if(strategy = 'market-making', 35, 20) * sqrt({series_step_s:UInt32}) * z AS increment
    FROM numbers({series_ticks:UInt64})
    ARRAY JOIN ['market-making', 'stat-arb'] AS strategy
)
