-- Fills the per-minute span change rollup (100) on every insert into the
-- span table. A span's children are looked up among the spans of its trace
-- in the same insert (a view sees only the inserted rows): a trace whose
-- spans arrive in several inserts counts a parent's whole duration as self
-- time and its error as its own. `npm run rollups:backfill` runs this same
-- SELECT per day partition, where a trace crossing midnight is split alike.
CREATE MATERIALIZED VIEW IF NOT EXISTS {span_changes_1m_mv:Identifier}
TO {span_changes_1m_table:Identifier}
AS SELECT
    t,
    service,
    operation,
    scope,
    key,
    if(crowded = 1, '', value) AS value,
    crowded,
    b,
    sum(n) AS spans,
    sum(f) AS failed
FROM
(
    SELECT
        *,
        toUInt8(scope != '' AND uniqExact(value) OVER (PARTITION BY t, scope, key) > 50) AS crowded
    FROM
    (
        SELECT
            toStartOfMinute(span.7) AS t,
            span.3 AS service,
            span.4 AS operation,
            cell.1 AS scope,
            cell.2 AS key,
            cell.3 AS value,
            -- include: changes/span_judged
        FROM
        (
            SELECT
                -- include: changes/trace_spans
            FROM {traces_table:Identifier}
            GROUP BY TraceId
        )
        ARRAY JOIN trace_spans AS span
        -- include: changes/span_cells
        GROUP BY t, service, operation, scope, key, value, b
    )
)
GROUP BY t, service, operation, scope, key, value, crowded, b
