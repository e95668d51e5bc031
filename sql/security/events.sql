-- Security events in [from, to), newest first, with keyset pagination on
-- (timestamp, event_id): a page continues strictly below the previous page's
-- last row, so rows inserted meanwhile neither shift nor repeat pages. The
-- order matches the sort key (read in order, stops after the limit).
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
  -- include: security/filter
  AND ({after_cursor:UInt8} = 0 OR (timestamp, event_id) < ({cursor_ts:DateTime64(3)}, {cursor_id:UUID}))
ORDER BY timestamp DESC, event_id DESC
LIMIT {limit:UInt32}
