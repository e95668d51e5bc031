-- The earliest event in [lower, upper), with its source: the caller passes
-- lower = the millisecond after the playhead (so an event within the
-- playhead's own millisecond is not "next") or the window's start, whichever
-- is later, and upper = the window's end. Each source contributes its first
-- row in time order (security events are stored by time, so that read stops
-- at once); the earliest wins, ties going to security, then anomaly, then
-- trace. `t` is the event's millisecond.
-- kind 'any': every security event, detected anomalies, error spans;
-- kind 'notable': critical security events and detected anomalies.
-- prev.sql is this query's mirror: one file with a computed sort key would lose
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
        ORDER BY timestamp
        LIMIT 1
    )
    UNION ALL
    SELECT 'anomaly' AS source, 2 AS rank, toUnixTimestamp64Milli(timestamp) AS t
    FROM
    (
        SELECT timestamp
        FROM {anomalies_table:Identifier}
        WHERE timestamp >= {lower:DateTime64(3)} AND timestamp < {upper:DateTime64(3)} AND is_anomaly = 1
        ORDER BY timestamp
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
        ORDER BY Timestamp
        LIMIT 1
    )
)
ORDER BY t, rank
LIMIT 1
