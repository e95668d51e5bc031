-- Fills the strip's per-minute span counts from the inserts into the per-minute ones.
CREATE MATERIALIZED VIEW IF NOT EXISTS {density_1m_spans_mv:Identifier}
TO {density_1m_table:Identifier}
AS SELECT
    src.t AS t,
    'spans' AS kind,
    '' AS severity,
    sum(src.spans) AS n,
    sum(src.errors) AS errors
FROM {spans_1m_table:Identifier} AS src
GROUP BY t
