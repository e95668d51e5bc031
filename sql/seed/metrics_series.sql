-- Regular series, one point per series every {series_step_s} seconds: the
-- catalog below (metric, service, exchange, strategy) crossed with the ticks.
-- Randomness as in metrics_latency.sql: hashes of (seed, tick, series, k).
-- Incident 1 (coinbase disconnect): coinbase disconnected, its order rate and
-- fill rate collapse, rejects climb; other venues take rerouted flow and fill
-- slightly worse; the adapter burns CPU reconnecting. Incident 3 (margin
-- spike): margin utilisation ~0.95, risk-engine CPU saturated, risk rejects.
INSERT INTO {metrics_table:Identifier} (timestamp, metric_name, service, value, labels)
WITH
    ['binance', 'coinbase', 'kraken', 'bitstamp'] AS exchanges,
    ['market-making', 'stat-arb'] AS strategies,
    ['order-gateway', 'strategy-engine', 'risk-engine', 'exchange-adapter'] AS services,
    arrayConcat(
        arrayMap(e -> ('exchange_connected', 'exchange-adapter', e, ''), exchanges),
        arrayMap(e -> ('order_rate', 'order-gateway', e, ''), exchanges),
        arrayMap(e -> ('reject_rate', 'order-gateway', e, ''), exchanges),
        arrayFlatten(arrayMap(e -> arrayMap(s -> ('fill_rate', 'strategy-engine', e, s), strategies), exchanges)),
        arrayMap(s -> ('margin_utilization', 'risk-engine', '', s), strategies),
        arrayMap(v -> ('cpu_utilization', v, '', ''), services)
    ) AS catalog,
    series.1 AS metric,
    series.2 AS svc,
    series.3 AS exchange,
    series.4 AS strategy,
    toUnixTimestamp64Milli({start:DateTime64(3)}) + number * {series_step_s:UInt32} * 1000 AS t_ms,
    sqrt(-2 * log((cityHash64({seed:UInt64}, number, metric, svc, exchange, strategy, 1) + 0.5) / 18446744073709551616))
        * cos(2 * pi() * (cityHash64({seed:UInt64}, number, metric, svc, exchange, strategy, 2) + 0.5) / 18446744073709551616) AS z,
    0.5 - 0.5 * cos(2 * pi() * (t_ms / 3600000 - 2) / 24) AS load,
    -- Incident windows in minutes; *_in is 1 inside, *_level also decays for a few minutes after.
    (t_ms - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_min,
    (toUnixTimestamp64Milli({coinbase_end:DateTime64(3)}) - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_len,
    cb_len > 0 AND cb_min >= 0 AND cb_min < cb_len AS cb_in,
    multiIf(cb_len = 0 OR cb_min < 0, 0, cb_min < cb_len, 1, exp(-(cb_min - cb_len) / 3)) AS cb_level,
    (t_ms - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_min,
    (toUnixTimestamp64Milli({margin_end:DateTime64(3)}) - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_len,
    multiIf(mg_len = 0 OR mg_min < 0, 0, mg_min < 3, mg_min / 3, mg_min < mg_len, 1, exp(-(mg_min - mg_len) / 4)) AS mg_level,
    transform(exchange, exchanges, [0.35, 0.30, 0.20, 0.15], 0.) AS venue_share,
    exchange = 'coinbase' AS is_coinbase
SELECT
    fromUnixTimestamp64Milli(toInt64(t_ms), 'UTC') AS timestamp,
    metric AS metric_name,
    svc AS service,
    multiIf(
        metric = 'exchange_connected', if(is_coinbase AND cb_in, 0., 1.),
        metric = 'order_rate', round(140 * venue_share * (0.3 + 0.7 * load) * (1 + 0.06 * z)
            * if(is_coinbase, 1 - 0.92 * cb_level, 1 + 0.3 * cb_level) * (1 - 0.5 * mg_level), 2),
        metric = 'reject_rate', round(least(1, 0.006 + 0.003 * abs(z) + if(is_coinbase, 0.7, 0.01) * cb_level + 0.15 * mg_level), 4),
        metric = 'fill_rate', round(greatest(0, least(1, (if(strategy = 'market-making', 0.64, 0.91) + 0.02 * z)
            * if(is_coinbase, 1 - 0.95 * cb_level, 1 - 0.07 * cb_level) * (1 - 0.2 * mg_level))), 4),
        metric = 'margin_utilization', round(greatest(0, least(1,
            (if(strategy = 'market-making', 0.42, 0.55) + 0.06 * sin(2 * pi() * t_ms / 3600000 / 7 + (cityHash64({seed:UInt64}, strategy) % 628) / 100)
                + 0.006 * z + 0.04 * cb_level) * (1 - mg_level) + (0.945 + 0.01 * z) * mg_level)), 4),
        -- cpu_utilization
        round(greatest(0, least(1,
            (transform(svc, services, [0.35, 0.55, 0.30, 0.40], 0.) * (0.6 + 0.6 * load) + 0.02 * z
                + if(svc = 'exchange-adapter', 0.2, 0) * cb_level) * if(svc = 'risk-engine', 1 - mg_level, 1)
            + if(svc = 'risk-engine', (0.97 + 0.01 * z) * mg_level, 0))), 4)
    ) AS value,
    mapFilter((k, v) -> v != '', map('exchange', exchange, 'strategy', strategy, 'instance', if(metric = 'cpu_utilization', concat(svc, '-0'), ''))) AS labels
FROM numbers({series_ticks:UInt64})
ARRAY JOIN catalog AS series
SETTINGS max_insert_threads = 2
