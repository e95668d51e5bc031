-- Spans and the spans the per-minute counts and the trace summary account
-- for (the summary leaves out spans without a TraceId: then it is not used).
SELECT
    (SELECT toUInt64(count()) FROM {traces_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(spans)) FROM {spans_1m_table:Identifier}) AS minute,
    (SELECT toUInt64(sum(span_count)) FROM {trace_summary_table:Identifier}) AS summary
