-- Services seen in [from, to) in metrics or spans.
SELECT DISTINCT service
FROM
(
    SELECT toString(service) AS service FROM {metrics_table:Identifier}
    WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
    UNION ALL
    SELECT toString(ServiceName) AS service FROM {traces_table:Identifier}
    WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
)
WHERE service != ''
ORDER BY service
LIMIT {limit:UInt32}
