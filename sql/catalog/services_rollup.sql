-- catalog/services.sql from the rollups: metric services from the hourly
-- rollup (a service seen in any part of the window has rows in the hours
-- or minutes or raw edges it covers), span services from the per-minute
-- span counts, raw rows for the ragged edges.
SELECT DISTINCT service
FROM
(
    SELECT toString(service) AS service FROM {metrics_table:Identifier}
    WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
    UNION ALL
    SELECT toString(service) AS service FROM {metrics_1m_table:Identifier} AS minute
    WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
    UNION ALL
    SELECT toString(service) AS service FROM {metrics_1h_table:Identifier} AS hour
    WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
    UNION ALL
    SELECT toString(ServiceName) AS service FROM {traces_table:Identifier}
    WHERE (Timestamp >= {from:DateTime64(3)} AND Timestamp < {m_from:DateTime64(3)})
       OR (Timestamp >= {m_to:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
    UNION ALL
    SELECT toString(service) AS service FROM {spans_1m_table:Identifier} AS minute
    WHERE minute.t >= {m_from:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)}
)
WHERE service != ''
ORDER BY service
LIMIT {limit:UInt32}
