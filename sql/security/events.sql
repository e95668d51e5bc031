-- Security events in [from, to), newest first, with keyset pagination on
-- (timestamp, event_id): a page continues strictly below the previous page's
-- last row, so rows inserted meanwhile neither shift nor repeat pages. The
-- order matches the sort key (read in order, stops after the limit). Empty
-- filter arrays / strings and unset flags mean "any". threat_score is
-- Float32, so the threshold is compared as Float32 too (0.9 >= 0.9).
SELECT
    toUnixTimestamp64Milli(timestamp) AS ts,
    event_type,
    severity,
    source_ip,
    description,
    threat_score,
    action_taken,
    service,
    toString(event_id) AS event_key
FROM {security_table:Identifier}
WHERE timestamp >= {from:DateTime64(3)}
  AND timestamp < {to:DateTime64(3)}
  AND (empty({severities:Array(String)}) OR has({severities:Array(String)}, severity))
  AND (empty({event_types:Array(String)}) OR has({event_types:Array(String)}, event_type))
  AND ({source_ip:String} = '' OR source_ip = {source_ip:String})
  AND ({min_threat_set:UInt8} = 0 OR threat_score >= toFloat32({min_threat:Float64}))
  AND ({after_cursor:UInt8} = 0 OR (timestamp, event_id) < ({cursor_ts:DateTime64(3)}, {cursor_id:UUID}))
ORDER BY timestamp DESC, event_id DESC
LIMIT {limit:UInt32}
