-- catalog/labels.sql from the metric rollups (tiled as in
-- catalog/metrics_rollup.sql): each rollup row is one label set with its
-- row count, so the key/value counts are sums over far fewer rows.
SELECT
    key,
    arrayMap(x -> x.2, arraySort(x -> (-x.1, x.2), groupArray((n, value)))) AS top_values
FROM
(
    SELECT key, value, sum(rows) AS n
    FROM
    (
        SELECT service, labels, count() AS rows
        FROM {metrics_table:Identifier}
        WHERE (timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
           OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
        GROUP BY service, labels
        UNION ALL
        SELECT service, labels, sum(minute.n) AS rows
        FROM {metrics_1m_table:Identifier} AS minute
        WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
           OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
        GROUP BY service, labels
        UNION ALL
        SELECT service, labels, sum(hour.n) AS rows
        FROM {metrics_1h_table:Identifier} AS hour
        WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
        GROUP BY service, labels
    )
    ARRAY JOIN
        arrayConcat(['service'], mapKeys(labels)) AS key,
        arrayConcat([toString(service)], mapValues(labels)) AS value
    -- include: catalog/top_values_by_key
