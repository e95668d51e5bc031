-- Label keys in [from, to) with their most frequent values (ties by value),
-- at most values_per_key each. `service` (the column) is listed as a key too,
-- since label filters and groupBy accept it.
SELECT
    key,
    arrayMap(x -> x.2, arraySort(x -> (-x.1, x.2), groupArray((n, value)))) AS top_values
FROM
(
    SELECT key, value, count() AS n
    FROM {metrics_table:Identifier}
    ARRAY JOIN
        arrayConcat(['service'], mapKeys(labels)) AS key,
        arrayConcat([toString(service)], mapValues(labels)) AS value
    WHERE timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}
    -- include: catalog/top_values_by_key
