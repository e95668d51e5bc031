-- Order latency samples, the bulk of the demo: one candidate per slot of an
-- even grid over [start, end), kept with a probability that follows the
-- diurnal load (quiet at 02:00 UTC, busy at 14:00 UTC), so the sample rate
-- itself breathes. Every random draw is cityHash64(seed, number, k) mapped to
-- (0, 1); normals by Box-Muller. Same parameters, same rows.
-- Latency is lognormal per exchange with a rare heavy tail. Incident 1
-- multiplies coinbase latency 10-50x from a minute before the disconnect
-- (others mildly, as flow is rerouted); incident 3 (risk-engine slowdown)
-- slows every exchange, since every order waits for risk.check.
INSERT INTO {metrics_table:Identifier} (timestamp, metric_name, service, value, labels)
WITH
    toUnixTimestamp64Milli({start:DateTime64(3)}) AS start_ms,
    toUnixTimestamp64Milli({end:DateTime64(3)}) AS end_ms,
    (cityHash64({seed:UInt64}, number, 1) + 0.5) / 18446744073709551616 AS u_slot,
    (cityHash64({seed:UInt64}, number, 2) + 0.5) / 18446744073709551616 AS u_keep,
    (cityHash64({seed:UInt64}, number, 3) + 0.5) / 18446744073709551616 AS u_exchange,
    (cityHash64({seed:UInt64}, number, 4) + 0.5) / 18446744073709551616 AS u_symbol,
    (cityHash64({seed:UInt64}, number, 5) + 0.5) / 18446744073709551616 AS u_strategy,
    (cityHash64({seed:UInt64}, number, 6) + 0.5) / 18446744073709551616 AS u_tail,
    sqrt(-2 * log((cityHash64({seed:UInt64}, number, 7) + 0.5) / 18446744073709551616))
        * cos(2 * pi() * (cityHash64({seed:UInt64}, number, 8) + 0.5) / 18446744073709551616) AS z,
    start_ms + (number + u_slot) * (end_ms - start_ms) / {latency_n:UInt64} AS t_ms,
    -- 0 at 02:00 UTC, 1 at 14:00 UTC
    0.5 - 0.5 * cos(2 * pi() * (t_ms / 3600000 - 2) / 24) AS load,
    multiIf(u_exchange < 0.35, 1, u_exchange < 0.65, 2, u_exchange < 0.85, 3, 4) AS ex,
    ['binance', 'coinbase', 'kraken', 'bitstamp'][ex] AS exchange,
    -- Incident 1, in minutes from its start: ramps up over the minute before, decays over a few minutes after.
    (t_ms - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_min,
    (toUnixTimestamp64Milli({coinbase_end:DateTime64(3)}) - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_len,
    multiIf(cb_len = 0 OR cb_min < -1, 0, cb_min < 0, cb_min + 1, cb_min < cb_len, 1, exp(-(cb_min - cb_len) / 2)) AS cb_level,
    -- Incident 3: ramps up over 3 minutes, decays over a few minutes after.
    (t_ms - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_min,
    (toUnixTimestamp64Milli({margin_end:DateTime64(3)}) - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_len,
    multiIf(mg_len = 0 OR mg_min < 0, 0, mg_min < 3, mg_min / 3, mg_min < mg_len, 1, exp(-(mg_min - mg_len) / 4)) AS mg_level,
    if(exchange = 'coinbase', 1 + 29 * cb_level * exp(0.3 * z), 1 + 0.6 * cb_level) * (1 + 7 * mg_level) AS incident_factor,
    if(u_tail < 0.003, 2 + 1000 * u_tail, 1) AS tail_factor
SELECT
    fromUnixTimestamp64Milli(toInt64(t_ms), 'UTC') AS timestamp,
    'order_latency_ms' AS metric_name,
    'order-gateway' AS service,
    round([3.2, 5.5, 8.0, 11.0][ex] * (0.85 + 0.3 * load) * exp(0.45 * z) * tail_factor * incident_factor, 3) AS value,
    map(
        'exchange', exchange,
        'symbol', multiIf(u_symbol < 0.4, 'BTC-USD', u_symbol < 0.7, 'ETH-USD', u_symbol < 0.88, 'SOL-USD', 'XRP-USD'),
        'strategy', if(u_strategy < 0.7, 'market-making', 'stat-arb')
    ) AS labels
FROM numbers({latency_n:UInt64})
WHERE u_keep < 0.3 + 0.7 * load
SETTINGS max_insert_threads = 2
