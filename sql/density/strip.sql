-- The density of every kind from the strip's counts (sql/schema/150–155): its
-- hours for [h_from, h_to), its minutes for the rest of [m_from, m_to) and raw
-- rows of each kind for the ragged edges around it (the step is whole
-- minutes; whole hours when the hour range is not empty). One table per grain
-- for all kinds: each sub-select has a fixed cost of a few ms at 1e8 rows,
-- whatever it reads (so the read keeps only the arms that hold rows). The
-- arms give rows as they are (a raw row, a strip row not yet merged) and the
-- one GROUP BY below sums them: an aggregation per arm cost more than it
-- saved (22.8 -> 19.8 ms at 1e8). A row per kind, bucket and severity.
SELECT kind, t, severity, toUInt32(sum(n)) AS n, toUInt32(sum(errors)) AS errors
FROM
(
    -- arm: edges
    SELECT 'security' AS kind, t, severity, n, 0 AS errors
    FROM
    (
    -- include: density/security_edges
    )
    -- arm: edges
    SELECT 'anomalies' AS kind, t, '' AS severity, n, 0 AS errors
    FROM
    (
    -- include: density/anomalies_edges
    )
    -- arm: edges
    SELECT 'spans' AS kind, t, '' AS severity, spans AS n, errors
    FROM
    (
    -- include: density/spans_edges
    )
    -- arm: minutes
    SELECT toString(minute.kind) AS kind, intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, minute.severity AS severity, minute.n AS n, minute.errors AS errors
    FROM {density_1m_table:Identifier} AS minute
    WHERE (minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)})
    -- arm: hours
    SELECT toString(hour.kind) AS kind, intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t, hour.severity AS severity, hour.n AS n, hour.errors AS errors
    FROM {density_1h_table:Identifier} AS hour
    WHERE hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
    -- end arms
)
GROUP BY kind, t, severity
