-- Incident 2, the credential-stuffing burst: {burst_n} events inside
-- [stuffing_start, stuffing_end) from four fixed addresses in the
-- documentation ranges (RFC 5737), densest mid-burst (triangular timing).
-- Addresses and the three event types (credential stuffing, auth failure,
-- rate limit, in that order) come from INCIDENT_SIGNALS in incidents.ts.
-- Mostly critical with high threat scores; blocked, rate-limited or alerted.
INSERT INTO {security_table:Identifier}
    (timestamp, event_type, severity, source_ip, description, threat_score, action_taken, service, event_id)
WITH
    toUnixTimestamp64Milli({stuffing_start:DateTime64(3)}) AS start_ms,
    toUnixTimestamp64Milli({stuffing_end:DateTime64(3)}) AS end_ms,
    (cityHash64({seed:UInt64}, 'burst', number, 1) + 0.5) / 18446744073709551616 AS u_t1,
    (cityHash64({seed:UInt64}, 'burst', number, 2) + 0.5) / 18446744073709551616 AS u_t2,
    (cityHash64({seed:UInt64}, 'burst', number, 3) + 0.5) / 18446744073709551616 AS u_type,
    (cityHash64({seed:UInt64}, 'burst', number, 4) + 0.5) / 18446744073709551616 AS u_severity,
    (cityHash64({seed:UInt64}, 'burst', number, 5) + 0.5) / 18446744073709551616 AS u_score,
    cityHash64({seed:UInt64}, 'burst', number, 6) AS h_detail,
    {burst_types:Array(String)}[multiIf(u_type < 0.55, 1, u_type < 0.85, 2, 3)] AS type,
    if(u_severity < 0.65, 'critical', 'warning') AS sev,
    {burst_ips:Array(String)}[1 + intDiv(h_detail, 7) % length({burst_ips:Array(String)})] AS ip,
    concat('trader', toString(1 + h_detail % 5000)) AS account
SELECT
    fromUnixTimestamp64Milli(toInt64(start_ms + (u_t1 + u_t2) / 2 * (end_ms - start_ms)), 'UTC') AS timestamp,
    type AS event_type,
    sev AS severity,
    ip AS source_ip,
    multiIf(
        type = 'credential_stuffing', format('Credential stuffing from {}: {} distinct usernames in 60 s via POST /api/v1/session', ip, toString(30 + h_detail % 170)),
        type = 'auth_failure', format('Failed login for user {} from {}: invalid password (leaked-credential list match)', account, ip),
        format('Client {} exceeded 20 login attempts/s on /api/v1/session', ip)
    ) AS description,
    toFloat32(round(if(sev = 'critical', 0.85 + 0.14 * u_score, 0.65 + 0.2 * u_score), 3)) AS threat_score,
    multiIf(type = 'credential_stuffing', 'block', type = 'rate_limit_exceeded', 'rate_limit', 'alert') AS action_taken,
    'order-gateway' AS service,
    reinterpretAsUUID(concat(reinterpretAsFixedString(cityHash64({seed:UInt64}, 'burst', number, 'id', 1)),
                             reinterpretAsFixedString(cityHash64({seed:UInt64}, 'burst', number, 'id', 2)))) AS event_id
FROM numbers({burst_n:UInt64})
WHERE end_ms > start_ms
