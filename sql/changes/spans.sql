-- What changed, spans. Per operation (service, span name) and per value of
-- the most common low-cardinality span and resource attributes in the
-- window: spans, failed spans and slow spans on each side.
--   failed: the span's status is Error and none of its children failed, so an
--           error is counted where it starts, not at every caller it reaches;
--   slow:   its self time (duration minus its children's) is over the
--           baseline's p95 self time for that operation, so time is blamed
--           on the span that spent it.
-- Attribute keys: at most {max_keys} (by spans in the window) among those
-- with at most {max_values} distinct values in the window; the empty key is
-- the operation itself. Only cells with spans in the window.
WITH
    sided AS (
        SELECT
            TraceId,
            SpanId,
            ParentSpanId,
            ServiceName,
            SpanName,
            Duration,
            StatusCode = 'Error' AS is_error,
            SpanAttributes,
            ResourceAttributes,
            Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)} AS in_window,
            Timestamp >= {base_from:DateTime64(3)} AND Timestamp < {base_to:DateTime64(3)} AS in_base
        FROM {traces_table:Identifier}
        WHERE (Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
           OR (Timestamp >= {base_from:DateTime64(3)} AND Timestamp < {base_to:DateTime64(3)})
    ),
    (
        SELECT groupArray((scope, key)) FROM
        (
            SELECT kv.1 AS scope, kv.2 AS key
            FROM {traces_table:Identifier}
            ARRAY JOIN arrayConcat(
                arrayMap((k, v) -> ('span', k, v), mapKeys(SpanAttributes), mapValues(SpanAttributes)),
                arrayMap((k, v) -> ('resource', k, v), mapKeys(ResourceAttributes), mapValues(ResourceAttributes))) AS kv
            WHERE Timestamp >= {from:DateTime64(3)} AND Timestamp < {to:DateTime64(3)}
            GROUP BY scope, key
            HAVING uniq(kv.3) <= {max_values:UInt32}
            ORDER BY count() DESC, scope, key
            LIMIT {max_keys:UInt32}
        )
    ) AS attribute_keys,
    children AS (
        SELECT TraceId, ParentSpanId AS SpanId, sum(Duration) AS child_duration, max(is_error) AS child_failed
        FROM sided
        WHERE ParentSpanId != ''
        GROUP BY TraceId, ParentSpanId
    ),
    judged AS (
        SELECT
            s.ServiceName AS service,
            s.SpanName AS operation,
            s.in_window AS in_window,
            s.in_base AS in_base,
            s.is_error AND NOT c.child_failed AS failed,
            greatest(toInt64(s.Duration) - toInt64(c.child_duration), 0) AS self_ns,
            quantileIf(0.95)(self_ns, s.in_base) OVER (PARTITION BY s.ServiceName, s.SpanName) AS slow_ns,
            arrayConcat(
                [('', '', '')],
                arrayFilter(t -> has(attribute_keys, (t.1, t.2)), arrayConcat(
                    arrayMap((k, v) -> ('span', k, v), mapKeys(s.SpanAttributes), mapValues(s.SpanAttributes)),
                    arrayMap((k, v) -> ('resource', k, v), mapKeys(s.ResourceAttributes), mapValues(s.ResourceAttributes))))) AS cells
        FROM sided AS s
        LEFT JOIN children AS c ON c.TraceId = s.TraceId AND c.SpanId = s.SpanId
    )
SELECT
    service,
    operation,
    cell.1 AS scope,
    cell.2 AS key,
    cell.3 AS value,
    any(slow_ns) / 1e6 AS slow_ms,
    toUInt32(countIf(in_window)) AS window_spans,
    toUInt32(countIf(in_window AND failed)) AS window_failed,
    toUInt32(countIf(in_window AND self_ns > slow_ns)) AS window_slow,
    toUInt32(countIf(in_base)) AS baseline_spans,
    toUInt32(countIf(in_base AND failed)) AS baseline_failed,
    toUInt32(countIf(in_base AND self_ns > slow_ns)) AS baseline_slow
FROM judged
ARRAY JOIN cells AS cell
GROUP BY service, operation, scope, key, value
HAVING window_spans > 0
ORDER BY service, operation, scope, key, window_spans DESC, value
