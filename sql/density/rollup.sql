-- The three kinds' rollup queries in one (one turn in the read queue and one
-- pipeline instead of three; the strip is the most asked-for answer), when
-- each kind's counts are usable: a row per kind, bucket and severity.
SELECT 'security' AS kind, t, severity, n, toUInt32(0) AS errors
FROM
(
-- include: density/security_rollup
)
UNION ALL
SELECT 'anomalies' AS kind, t, '' AS severity, n, toUInt32(0) AS errors
FROM
(
-- include: density/anomalies_rollup
)
UNION ALL
SELECT 'spans' AS kind, t, '' AS severity, spans AS n, errors
FROM
(
-- include: density/spans_rollup
)
