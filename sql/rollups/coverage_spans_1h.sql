-- Spans in the span table and the spans its hourly counts account for.
SELECT
    (SELECT toUInt64(count()) FROM {traces_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(spans)) FROM {spans_1h_table:Identifier}) AS derived
