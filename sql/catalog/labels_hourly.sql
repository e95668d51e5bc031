-- catalog/labels.sql by whole hours [h_from, h_to) from the per-label
-- hourly rollup: its rows already count each (label key, value), and its
-- label key '' rows each service (listed under the key `service`).
SELECT
    key,
    arrayMap(x -> x.2, arraySort(x -> (-x.1, x.2), groupArray((n, value)))) AS top_values
FROM
(
    SELECT
        if(label_key = '', 'service', toString(label_key)) AS key,
        if(label_key = '', toString(service), label_value) AS value,
        sum(src.n) AS n
    FROM {metrics_1h_by_label_table:Identifier} AS src
    WHERE src.t >= {h_from:DateTime64(3)} AND src.t < {h_to:DateTime64(3)}
    -- include: catalog/top_values_by_key
