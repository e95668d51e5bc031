-- catalog/services.sql by whole hours [h_from, h_to): metric services from
-- the per-label hourly rollup, span services from the hourly span counts.
SELECT DISTINCT service
FROM
(
    SELECT toString(service) AS service FROM {metrics_1h_by_label_table:Identifier}
    WHERE label_key = '' AND t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
    UNION ALL
    SELECT toString(service) AS service FROM {spans_1h_table:Identifier}
    WHERE t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
)
WHERE service != ''
ORDER BY service
LIMIT {limit:UInt32}
