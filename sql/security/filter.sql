-- The security-event filter (included by security/events.sql and
-- security/summary.sql; bound by lib/queries/security-filter.ts): empty
-- arrays / strings and unset flags mean "any". threat_score is Float32, so
-- the bounds are compared as Float32 too (0.9 >= 0.9). A CIDR range matches
-- only valid addresses (isIPAddressInRange throws on other text).
  AND (empty({severities:Array(String)}) OR has({severities:Array(String)}, severity))
  AND (empty({event_types:Array(String)}) OR has({event_types:Array(String)}, event_type))
  AND (empty({services:Array(String)}) OR has({services:Array(String)}, service))
  AND (empty({actions:Array(String)}) OR has({actions:Array(String)}, action_taken))
  AND ({source_ip:String} = '' OR source_ip = {source_ip:String})
  AND ({source_cidr:String} = '' OR if(isIPv4String(source_ip) OR isIPv6String(source_ip), isIPAddressInRange(source_ip, {source_cidr:String}), 0))
  AND ({min_threat_set:UInt8} = 0 OR threat_score >= toFloat32({min_threat:Float64}))
  AND ({max_threat_set:UInt8} = 0 OR threat_score <= toFloat32({max_threat:Float64}))
