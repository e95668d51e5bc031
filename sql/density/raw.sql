-- The three kinds' raw queries in one (one turn in the read queue and one
-- pipeline instead of three), when no kind reads its counts: steps finer than
-- a minute, a window inside one, or no rollups. A row per kind, bucket and severity.
SELECT 'security' AS kind, t, severity, n, toUInt32(0) AS errors
FROM
(
-- include: density/security
)
UNION ALL
SELECT 'anomalies' AS kind, t, '' AS severity, n, toUInt32(0) AS errors
FROM
(
-- include: density/anomalies
)
UNION ALL
SELECT 'spans' AS kind, t, '' AS severity, spans AS n, errors
FROM
(
-- include: density/spans
)
