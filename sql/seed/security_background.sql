-- Background security events, all day long: mostly info/warning noise
-- (failed logins, WAF blocks, rate limits, scans, geo anomalies, key misuse),
-- rarely critical. Source IPs come from a fixed pool drawn with a skew, so a
-- few addresses recur like real offenders; the pool avoids the documentation
-- ranges the credential-stuffing burst uses. event_id is a hash too: the
-- column's default (generateUUIDv4) would make reseeds differ.
INSERT INTO {security_table:Identifier}
    (timestamp, event_type, severity, source_ip, description, threat_score, action_taken, service, event_id)
WITH
    toUnixTimestamp64Milli({start:DateTime64(3)}) AS start_ms,
    toUnixTimestamp64Milli({end:DateTime64(3)}) AS end_ms,
    (cityHash64({seed:UInt64}, 'security', number, 1) + 0.5) / 18446744073709551616 AS u_slot,
    (cityHash64({seed:UInt64}, 'security', number, 2) + 0.5) / 18446744073709551616 AS u_type,
    (cityHash64({seed:UInt64}, 'security', number, 3) + 0.5) / 18446744073709551616 AS u_severity,
    (cityHash64({seed:UInt64}, 'security', number, 4) + 0.5) / 18446744073709551616 AS u_score,
    (cityHash64({seed:UInt64}, 'security', number, 5) + 0.5) / 18446744073709551616 AS u_ip,
    (cityHash64({seed:UInt64}, 'security', number, 6) + 0.5) / 18446744073709551616 AS u_service,
    cityHash64({seed:UInt64}, 'security', number, 7) AS h_detail,
    start_ms + (number + u_slot) * (end_ms - start_ms) / {security_n:UInt64} AS t_ms,
    multiIf(u_type < 0.32, 'auth_failure', u_type < 0.54, 'waf_block', u_type < 0.66, 'rate_limit_exceeded',
            u_type < 0.78, 'port_scan', u_type < 0.88, 'geo_anomaly', u_type < 0.96, 'api_key_misuse', 'tls_handshake_failure') AS type,
    multiIf(u_severity < 0.015, 'critical', u_severity < if(type IN ('auth_failure', 'port_scan', 'tls_handshake_failure'), 0.25, 0.7), 'warning', 'info') AS sev,
    -- a pool of 3000 addresses, low ids far more frequent (u^2)
    cityHash64({seed:UInt64}, 'ip', toUInt32(floor(3000 * pow(u_ip, 2)))) AS h_ip,
    concat(toString([45, 62, 77, 85, 91, 103, 146, 176, 185, 193][1 + h_ip % 10]), '.', toString(intDiv(h_ip, 10) % 256), '.',
           toString(intDiv(h_ip, 2560) % 256), '.', toString(1 + intDiv(h_ip, 655360) % 254)) AS ip,
    concat('trader', toString(1 + h_detail % 400)) AS account,
    concat('ak_', substring(lower(hex(h_detail)), 1, 10)) AS api_key
SELECT
    fromUnixTimestamp64Milli(toInt64(t_ms), 'UTC') AS timestamp,
    type AS event_type,
    sev AS severity,
    ip AS source_ip,
    multiIf(
        type = 'auth_failure', format('Failed login for user {} from {}: invalid password', account, ip),
        type = 'waf_block', format('WAF rule {} blocked {} /api/v1/{}', ['942100 SQL injection', '941100 XSS', '930120 path traversal', '913100 scanner user-agent'][1 + h_detail % 4],
                                   ['GET', 'POST'][1 + intDiv(h_detail, 4) % 2], ['orders', 'positions', 'accounts', 'keys'][1 + intDiv(h_detail, 8) % 4]),
        type = 'rate_limit_exceeded', format('API key {} exceeded {} requests/s on /api/v1/orders', api_key, toString(50 + h_detail % 200)),
        type = 'port_scan', format('TCP SYN scan of {} ports on edge-{} from {}', toString(20 + h_detail % 980), toString(1 + intDiv(h_detail, 1000) % 4), ip),
        type = 'geo_anomaly', format('Login for user {} from {}, usually {}', account, ['BR', 'VN', 'RU', 'NG', 'KP', 'IR'][1 + intDiv(h_detail, 400) % 6], ['US', 'GB', 'DE', 'SG'][1 + intDiv(h_detail, 2400) % 4]),
        type = 'api_key_misuse', format('API key {} used from unregistered IP {}', api_key, ip),
        format('TLS handshake failure from {}: {}', ip, ['unsupported protocol TLSv1.0', 'unknown CA', 'bad certificate'][1 + h_detail % 3])
    ) AS description,
    toFloat32(round(multiIf(sev = 'critical', 0.7 + 0.25 * u_score, sev = 'warning', 0.3 + 0.4 * u_score, 0.02 + 0.28 * u_score), 3)) AS threat_score,
    multiIf(sev = 'critical' OR type = 'waf_block', 'block', type = 'rate_limit_exceeded', 'rate_limit',
            sev = 'warning', 'alert', type = 'auth_failure', 'allow', 'log') AS action_taken,
    if(u_service < 0.8,
       multiIf(type IN ('port_scan', 'tls_handshake_failure'), 'exchange-adapter', type = 'api_key_misuse', 'strategy-engine', 'order-gateway'),
       ['order-gateway', 'strategy-engine', 'risk-engine', 'exchange-adapter'][1 + toUInt8(floor(u_service * 20)) % 4]) AS service,
    reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64({seed:UInt64}, 'security', number, 'id', 1)),
                             reinterpretAsFixedString(cityHash64({seed:UInt64}, 'security', number, 'id', 2)))) AS event_id
FROM numbers({security_n:UInt64})
