-- catalog/metrics.sql from the metric rollups: row counts per (metric,
-- service) from the hourly rollup inside [h_from, h_to), the per-minute one
-- for the rest of [m_from, m_to), raw rows for the ragged edges.
SELECT
    metric_name AS name,
    arraySort(groupUniqArray(toString(service))) AS services,
    toUInt32(sum(n)) AS rows
FROM
(
    SELECT metric_name, service, count() AS n
    FROM {metrics_table:Identifier}
    WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
    GROUP BY metric_name, service
    UNION ALL
    SELECT metric_name, service, sum(minute.n) AS n
    FROM {metrics_1m_table:Identifier} AS minute
    WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
    GROUP BY metric_name, service
    UNION ALL
    SELECT metric_name, service, sum(hour.n) AS n
    FROM {metrics_1h_table:Identifier} AS hour
    WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
    GROUP BY metric_name, service
)
GROUP BY metric_name
ORDER BY name
LIMIT {limit:UInt32}
