-- How one span is judged, given `span` (one (SpanId, ParentSpanId, service,
-- name, Duration, is error, Timestamp, span attributes, resource attributes)
-- tuple of its trace's `trace_spans`): `b`, its self-time class (duration
-- minus its children's, in quarter octaves: floor(4 log2(ns)), -1 with no
-- self time), and `f`, whether it failed on its own (status Error and no
-- failed child), counted per cell. Its children are the spans of
-- `trace_spans` whose parent it is. Included in the SELECT list of the raw
-- query and of the rollup's view, so both judge a span alike.
if(greatest(toInt64(span.5) - toInt64(arraySum(arrayMap(c -> if(c.2 != '' AND c.2 = span.1, c.5, 0), trace_spans))), 0) AS self_ns > 0,
   toInt16(floor(4 * log2(self_ns))), toInt16(-1)) AS b,
count() AS n,
countIf(span.6 AND NOT arrayExists(c -> c.2 != '' AND c.2 = span.1 AND c.6, trace_spans)) AS f
