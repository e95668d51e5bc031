-- The cells a span counts in, after `ARRAY JOIN trace_spans AS span`: the
-- operation as a whole (scope = key = value = '') and each of its span and
-- resource attributes as (scope, key, value).
ARRAY JOIN arrayConcat(
    [('', '', '')],
    arrayMap((k, v) -> ('span', k, v), mapKeys(span.8), mapValues(span.8)),
    arrayMap((k, v) -> ('resource', k, v), mapKeys(span.9), mapValues(span.9))) AS cell
