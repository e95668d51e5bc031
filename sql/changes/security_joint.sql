-- What changed, security events, second pass: how the listed values overlap.
-- Each event of either side whose source IP, event type, service or action
-- is one of the listed values ({ips}, {event_types}, {services}, {actions}),
-- grouped by the listed values it carries ('' for a field whose value is not
-- listed), with its count on each side. lib/changes/explain.ts reads from
-- these cells how much of one value's change lies inside another's.
SELECT
    if(has({ips:Array(String)}, source_ip), source_ip, '') AS source_ip,
    if(has({event_types:Array(String)}, toString(event_type)), toString(event_type), '') AS event_type,
    if(has({services:Array(String)}, toString(service)), toString(service), '') AS service,
    if(has({actions:Array(String)}, toString(action_taken)), toString(action_taken), '') AS action,
    toUInt32(countIf(timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})) AS window_count,
    toUInt32(countIf(timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)})) AS baseline_count
FROM {security_table:Identifier}
WHERE ((timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
    OR (timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}))
  AND (has({ips:Array(String)}, source_ip) OR has({event_types:Array(String)}, toString(event_type))
    OR has({services:Array(String)}, toString(service)) OR has({actions:Array(String)}, toString(action_taken)))
GROUP BY source_ip, event_type, service, action
