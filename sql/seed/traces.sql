-- Order-flow traces as the OpenTelemetry ClickHouse exporter writes them
-- (SpanKind 'Server'/'Client'/'Internal', StatusCode 'Ok'/'Error'/'Unset').
-- One candidate trace per slot, thinned by the diurnal load. Each trace:
--   0 order-gateway     Server   POST /orders
--   1 order-gateway     Internal order.validate         (child of 0)
--   2 strategy-engine   Server   strategy.route_order   (child of 0)
--   3 risk-engine       Server   risk.check             (child of 2)
--   4 exchange-adapter  Client   exchange.submit        (child of 2, absent if risk rejects)
--   5 risk-engine       Internal margin.lookup          (child of 3, 40 % of traces)
-- Times are whole microseconds laid out so every child lies inside its parent.
-- Incident 1: coinbase submits slow down from a minute before and then mostly
-- fail ("connection reset by peer" / "exchange timeout"); the error propagates
-- to the strategy and gateway spans. Incident 3: risk.check is 10-20x slower
-- and rejects some orders on margin.
INSERT INTO {traces_table:Identifier}
    (Timestamp, TraceId, SpanId, ParentSpanId, TraceState, SpanName, SpanKind, ServiceName, ResourceAttributes,
     ScopeName, ScopeVersion, SpanAttributes, Duration, StatusCode, StatusMessage,
     `Events.Timestamp`, `Events.Name`, `Events.Attributes`)
SELECT
    fromUnixTimestamp64Nano(starts[i + 1] * 1000) AS Timestamp,
    trace_id AS TraceId,
    span_ids[i + 1] AS SpanId,
    if(i = 0, '', span_ids[[0, 0, 0, 2, 2, 3][i + 1] + 1]) AS ParentSpanId,
    '' AS TraceState,
    ['POST /orders', 'order.validate', 'strategy.route_order', 'risk.check', 'exchange.submit', 'margin.lookup'][i + 1] AS SpanName,
    ['Server', 'Internal', 'Server', 'Server', 'Client', 'Internal'][i + 1] AS SpanKind,
    ['order-gateway', 'order-gateway', 'strategy-engine', 'risk-engine', 'exchange-adapter', 'risk-engine'][i + 1] AS ServiceName,
    map('service.name', ServiceName, 'service.namespace', 'trading', 'deployment.environment', 'demo',
        'service.version', transform(ServiceName, ['order-gateway', 'strategy-engine', 'risk-engine', 'exchange-adapter'], ['2.14.1', '5.3.0', '1.9.4', '3.2.7'], ''),
        'host.name', concat(ServiceName, '-', toString(k % 3))) AS ResourceAttributes,
    'io.flashback.demo' AS ScopeName,
    '1.0.0' AS ScopeVersion,
    multiIf(
        i = 0, map('http.request.method', 'POST', 'http.route', '/orders', 'http.response.status_code', toString(http_status),
                   'order.id', order_id, 'exchange', exchange, 'symbol', symbol),
        i = 1, map('order.side', side, 'order.qty', qty, 'order.type', order_type),
        i = 2, map('strategy', strategy, 'exchange', exchange, 'symbol', symbol),
        i = 3, map('strategy', strategy, 'risk.decision', if(risk_reject, 'reject', 'approve'), 'margin.utilization', toString(round(margin_util, 3))),
        i = 4, map('exchange', exchange, 'symbol', symbol, 'order.side', side, 'order.qty', qty, 'order.type', order_type,
                   'order.id', order_id, 'server.address', concat('api.', exchange, '.com')),
        map('strategy', strategy, 'account', concat(strategy, '@', exchange))
    ) AS SpanAttributes,
    toUInt64(durations[i + 1] * 1000) AS Duration,
    multiIf(i = 4, if(submit_error, 'Error', 'Ok'),
            i = 3 AND risk_reject, 'Error',
            i IN (0, 2) AND (submit_error OR risk_reject), 'Error',
            'Unset') AS StatusCode,
    multiIf(i = 4 AND submit_error, error_message,
            i = 3 AND risk_reject, 'margin limit exceeded',
            i = 2 AND submit_error, concat('exchange.submit failed: ', error_message),
            i = 2 AND risk_reject, 'order rejected by risk-engine: margin limit exceeded',
            i = 0 AND (submit_error OR risk_reject), concat('HTTP ', toString(http_status)),
            '') AS StatusMessage,
    if(i = 4 AND submit_error, [fromUnixTimestamp64Nano((starts[5] + durations[5]) * 1000)], []) AS `Events.Timestamp`,
    if(i = 4 AND submit_error, ['exception'], []) AS `Events.Name`,
    if(i = 4 AND submit_error, [map('exception.type', error_type, 'exception.message', error_message)], []) AS `Events.Attributes`
FROM
(
    WITH
        toUnixTimestamp64Milli({start:DateTime64(3)}) AS start_ms,
        toUnixTimestamp64Milli({end:DateTime64(3)}) AS end_ms,
        (cityHash64({seed:UInt64}, 'trace', number, 1) + 0.5) / 18446744073709551616 AS u_slot,
        (cityHash64({seed:UInt64}, 'trace', number, 3) + 0.5) / 18446744073709551616 AS u_exchange,
        (cityHash64({seed:UInt64}, 'trace', number, 4) + 0.5) / 18446744073709551616 AS u_symbol,
        (cityHash64({seed:UInt64}, 'trace', number, 5) + 0.5) / 18446744073709551616 AS u_misc,
        (cityHash64({seed:UInt64}, 'trace', number, 6) + 0.5) / 18446744073709551616 AS u_error,
        (cityHash64({seed:UInt64}, 'trace', number, 7) + 0.5) / 18446744073709551616 AS u_margin,
        sqrt(-2 * log((cityHash64({seed:UInt64}, 'trace', number, 8) + 0.5) / 18446744073709551616)) AS radius,
        2 * pi() * (cityHash64({seed:UInt64}, 'trace', number, 9) + 0.5) / 18446744073709551616 AS angle,
        radius * cos(angle) AS z1,
        radius * sin(angle) AS z2,
        start_ms + (number + u_slot) * (end_ms - start_ms) / {trace_n:UInt64} AS t_ms,
        multiIf(u_exchange < 0.35, 1, u_exchange < 0.65, 2, u_exchange < 0.85, 3, 4) AS ex,
        (t_ms - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_min,
        (toUnixTimestamp64Milli({coinbase_end:DateTime64(3)}) - toUnixTimestamp64Milli({coinbase_start:DateTime64(3)})) / 60000 AS cb_len,
        ex = 2 AND cb_len > 0 AND cb_min >= 0 AND cb_min < cb_len AS cb_down,
        if(ex = 2, multiIf(cb_len = 0 OR cb_min < -1, 0, cb_min < 0, cb_min + 1, cb_min < cb_len, 1, exp(-(cb_min - cb_len) / 2)), 0) AS cb_level,
        (t_ms - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_min,
        (toUnixTimestamp64Milli({margin_end:DateTime64(3)}) - toUnixTimestamp64Milli({margin_start:DateTime64(3)})) / 60000 AS mg_len,
        multiIf(mg_len = 0 OR mg_min < 0, 0, mg_min < 3, mg_min / 3, mg_min < mg_len, 1, exp(-(mg_min - mg_len) / 4)) AS mg_level,
        -- microsecond layout: validate, then strategy > risk (> margin), then submit
        toInt64(floor(t_ms * 1000)) AS t0,
        toInt64(150 + 400 * u_misc) AS validate_us,
        toInt64(600 * exp(0.4 * z1) * (1 + 15 * mg_level)) + 100 AS risk_us,
        mg_level > 0.5 AND u_error < 0.25 AS reject,
        cb_down AND u_error < 0.8 OR u_error > 0.998 AS failed,
        multiIf(NOT failed, '', NOT cb_down, 'order rejected by exchange: insufficient balance',
                u_error < 0.45, 'connection reset by peer', 'exchange timeout after 2000 ms') AS message,
        multiIf(NOT (failed AND cb_down), toInt64([3.2, 5.5, 8.0, 11.0][ex] * 1000 * exp(0.45 * z2) * (1 + 29 * cb_level)),
                message = 'exchange timeout after 2000 ms', toInt64(2000000 + 5000 * u_misc),
                toInt64(20000 + 280000 * u_margin)) AS submit_us,
        t0 + 20 AS s1,
        s1 + validate_us + 30 AS s2,
        s2 + 80 AS s3,
        s3 + risk_us + 60 AS s4,
        if(reject, s3 + risk_us, s4 + submit_us) + 70 AS s2_end
    SELECT
        number AS k,
        lower(hex(concat(reinterpretAsFixedString(cityHash64({seed:UInt64}, 'trace', number, 'id', 1)),
                         reinterpretAsFixedString(cityHash64({seed:UInt64}, 'trace', number, 'id', 2))))) AS trace_id,
        arrayMap(j -> lower(hex(reinterpretAsFixedString(cityHash64({seed:UInt64}, 'trace', number, 'span', j)))), range(6)) AS span_ids,
        substring(lower(hex(reinterpretAsFixedString(cityHash64({seed:UInt64}, 'trace', number, 'order')))), 1, 12) AS order_id,
        ['binance', 'coinbase', 'kraken', 'bitstamp'][ex] AS exchange,
        multiIf(u_symbol < 0.4, 'BTC-USD', u_symbol < 0.7, 'ETH-USD', u_symbol < 0.88, 'SOL-USD', 'XRP-USD') AS symbol,
        if(u_misc < 0.7, 'market-making', 'stat-arb') AS strategy,
        if(intDiv(cityHash64({seed:UInt64}, 'trace', number, 10), 3) % 2 = 0, 'buy', 'sell') AS side,
        if(u_margin < 0.8, 'limit', 'market') AS order_type,
        toString(round(transform(symbol, ['BTC-USD', 'ETH-USD', 'SOL-USD', 'XRP-USD'], [0.5, 5., 50., 5000.], 1.) * (0.002 + u_symbol * u_misc), 4)) AS qty,
        reject AS risk_reject,
        failed AND NOT reject AS submit_error,
        message AS error_message,
        if(message LIKE 'exchange timeout%', 'TimeoutError', if(cb_down, 'ConnectionResetError', 'ExchangeRejectError')) AS error_type,
        multiIf(reject, 422, NOT failed, 201, message LIKE 'exchange timeout%', 504, 502) AS http_status,
        0.4 + 0.1 * u_misc + 0.5 * mg_level AS margin_util,
        [t0, s1, s2, s3, s4, s3 + 40] AS starts,
        [s2_end + 120 - t0, validate_us, s2_end - s2, risk_us, submit_us, toInt64((risk_us - 80) * (0.3 + 0.4 * u_margin))] AS durations,
        arrayFilter(j -> NOT (j = 4 AND reject) AND NOT (j = 5 AND u_margin >= 0.4 AND mg_level <= 0.5), range(6)) AS spans
    FROM numbers({trace_n:UInt64})
    -- keep 0.3 + 0.7 * load, the diurnal load of metrics_latency.sql
    WHERE (cityHash64({seed:UInt64}, 'trace', number, 2) + 0.5) / 18446744073709551616 < 0.65 - 0.35 * cos(2 * pi() * (t_ms / 3600000 - 2) / 24)
)
ARRAY JOIN spans AS i
SETTINGS max_insert_threads = 2
