-- Fills the TraceId lookup on every insert into the span table.
CREATE MATERIALIZED VIEW IF NOT EXISTS {trace_id_ts_mv:Identifier}
TO {trace_id_ts_table:Identifier}
AS SELECT
    TraceId,
    min(Timestamp) AS Start,
    max(Timestamp) AS End
FROM {traces_table:Identifier}
WHERE TraceId != ''
GROUP BY TraceId
