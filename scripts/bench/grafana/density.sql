-- Event counts per interval over the raw tables, as three Grafana time-series queries would.
SELECT 'security' AS kind, toStartOfInterval(timestamp, toIntervalSecond({step_s:UInt32})) AS t, count() AS n
FROM {security_table:Identifier} WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} GROUP BY t
UNION ALL
SELECT 'anomalies', toStartOfInterval(timestamp, toIntervalSecond({step_s:UInt32})) AS t, count()
FROM {anomalies_table:Identifier} WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)} AND is_anomaly = 1 GROUP BY t
UNION ALL
SELECT 'spans', toStartOfInterval(Timestamp, toIntervalSecond({step_s:UInt32})) AS t, count()
FROM {traces_table:Identifier} WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)} GROUP BY t
