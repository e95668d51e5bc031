-- The latest event in [lower, upper), with its source: the caller passes
-- lower = the window's start and upper = the playhead (so only events before
-- its millisecond count) or the window's end, whichever is earlier. Each
-- source contributes its last row in time order (security events are stored
-- by time, so that read stops at once); the latest wins, ties going to
-- security, then anomaly, then trace. `t` is the event's millisecond.
-- kind 'any': every security event, detected anomalies, error spans;
-- kind 'notable': critical security events and detected anomalies.
-- next.sql is this query's mirror: one file with a computed sort key would lose
-- the in-order read of the security table's (timestamp) key.
SELECT source, t
FROM
(
    SELECT 'security' AS source, 1 AS rank, toUnixTimestamp64Milli(timestamp) AS t
    FROM
    (
        SELECT timestamp
        FROM {security_table:Identifier}
        WHERE timestamp >= {lower:DateTime64(3)} AND timestamp < {upper:DateTime64(3)}
          AND ({kind:String} = 'any' OR severity = 'critical')
        ORDER BY timestamp DESC
        LIMIT 1
    )
    UNION ALL
    SELECT 'anomaly' AS source, 2 AS rank, toUnixTimestamp64Milli(timestamp) AS t
    FROM
    (
        SELECT timestamp
        FROM {anomalies_table:Identifier}
        WHERE timestamp >= {lower:DateTime64(3)} AND timestamp < {upper:DateTime64(3)} AND is_anomaly = 1
        ORDER BY timestamp DESC
        LIMIT 1
    )
    UNION ALL
    SELECT 'trace' AS source, 3 AS rank, toUnixTimestamp64Milli(Timestamp) AS t
    FROM
    (
        SELECT Timestamp
        FROM {traces_table:Identifier}
        WHERE {kind:String} = 'any'
          AND Timestamp >= {lower:DateTime64(3)} AND Timestamp < {upper:DateTime64(3)} AND StatusCode = 'Error'
        ORDER BY Timestamp DESC
        LIMIT 1
    )
)
ORDER BY t DESC, rank
LIMIT 1
