-- Exact counts of the security events in [from, to) that pass the filter:
-- per severity (kind 'severity'; their sum is the total), and, when
-- group_by names a field, the top groups of that field by count (kind
-- 'group', most first, ties by value) with the number of distinct groups
-- (count() OVER () after the GROUP BY, before the LIMIT).
WITH matching AS (
    SELECT
        severity,
        multiIf({group_by:String} = 'sourceIp', source_ip,
                {group_by:String} = 'eventType', toString(event_type),
                {group_by:String} = 'service', toString(service),
                {group_by:String} = 'action', toString(action_taken),
                '') AS group_value
    FROM {security_table:Identifier}
    WHERE timestamp >= {from:DateTime64(3)}
      AND timestamp < {to:DateTime64(3)}
      -- include: security/filter
)
SELECT 'severity' AS kind, toString(severity) AS value, count() AS n, toUInt64(0) AS groups
FROM matching
GROUP BY severity
UNION ALL
SELECT 'group' AS kind, value, n, groups
FROM (
    SELECT group_value AS value, count() AS n, toUInt64(count() OVER ()) AS groups
    FROM matching
    WHERE {group_by:String} != ''
    GROUP BY group_value
    ORDER BY n DESC, value
    LIMIT {top:UInt32}
)
