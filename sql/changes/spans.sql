-- What changed, spans. Per operation (service, span name) and per value of
-- the most common low-cardinality span and resource attributes in the
-- window: spans, failed spans and slow spans on each side.
--   failed: the span's status is Error and none of its children failed, so an
--           error is counted where it starts, not at every caller it reaches;
--   slow:   it did not fail on its own and its self time (duration minus
--           its children's) is in a class (changes/span_judged: quarter
--           octaves) above the one holding the baseline's p95 self time for
--           that operation, so time is blamed on the span that spent it, and
--           a failure's time (a timeout) is told as the failure, not twice. `slow_ms` is that class's upper edge: at
--           most 2^(1/4) (19 %) above the exact p95.
-- Each side (window = 1, baseline = 0) is read from three tiers: hours of
-- the hourly rollup in [*_h_from, *_h_to), minutes of the per-minute one in
-- [*_m_from, *_m_to) outside those, raw spans for the rest of the side
-- (lib/queries/tiers.ts; with no rollup the tier ranges are empty), each
-- tier an arm of `cells`, left out when its ranges are empty on both sides. Each
-- tier's rest is written as two ranges, not "in the side and not in the
-- next tier", so the primary key confines the read to them. Raw
-- spans find their children among the raw spans read, the rollups among
-- the spans of their insert.
-- Attribute keys: at most {max_keys} (by spans in the window) among those
-- with at most {max_values} distinct values in the window (a key crowded in
-- the rollup has more); the empty key is the operation itself. Only cells
-- with spans in the window.
WITH
    raw_cells AS (
        SELECT
            side,
            span.3 AS service,
            span.4 AS operation,
            cell.1 AS scope,
            cell.2 AS key,
            cell.3 AS value,
            toUInt8(0) AS crowded,
            -- include: changes/span_judged
        FROM
        (
            SELECT
                -- include: changes/trace_spans
            FROM {traces_table:Identifier}
            WHERE (Timestamp >= {from:DateTime64(3)} AND Timestamp < {w_m_from:DateTime64(3)}) OR (Timestamp >= {w_m_to:DateTime64(3)} AND Timestamp < {to:DateTime64(3)})
               OR (Timestamp >= {base_from:DateTime64(3)} AND Timestamp < {b_m_from:DateTime64(3)}) OR (Timestamp >= {b_m_to:DateTime64(3)} AND Timestamp < {base_to:DateTime64(3)})
            GROUP BY TraceId
        )
        ARRAY JOIN trace_spans AS span
        ARRAY JOIN arrayConcat(
            if((span.7 >= {from:DateTime64(3)} AND span.7 < {w_m_from:DateTime64(3)}) OR (span.7 >= {w_m_to:DateTime64(3)} AND span.7 < {to:DateTime64(3)}), [1], []),
            if((span.7 >= {base_from:DateTime64(3)} AND span.7 < {b_m_from:DateTime64(3)}) OR (span.7 >= {b_m_to:DateTime64(3)} AND span.7 < {base_to:DateTime64(3)}), [0], [])) AS side
        -- include: changes/span_cells
        GROUP BY side, service, operation, scope, key, value, b
    ),
    minute_cells AS (
        SELECT side, service, operation, scope, key, value, crowded, b, sum(spans) AS n, sum(failed) AS f
        FROM {span_changes_1m_table:Identifier}
        ARRAY JOIN arrayConcat(
            if((t >= {w_m_from:DateTime64(3)} AND t < {w_h_from:DateTime64(3)}) OR (t >= {w_h_to:DateTime64(3)} AND t < {w_m_to:DateTime64(3)}), [1], []),
            if((t >= {b_m_from:DateTime64(3)} AND t < {b_h_from:DateTime64(3)}) OR (t >= {b_h_to:DateTime64(3)} AND t < {b_m_to:DateTime64(3)}), [0], [])) AS side
        WHERE (t >= {w_m_from:DateTime64(3)} AND t < {w_h_from:DateTime64(3)}) OR (t >= {w_h_to:DateTime64(3)} AND t < {w_m_to:DateTime64(3)})
           OR (t >= {b_m_from:DateTime64(3)} AND t < {b_h_from:DateTime64(3)}) OR (t >= {b_h_to:DateTime64(3)} AND t < {b_m_to:DateTime64(3)})
        GROUP BY side, service, operation, scope, key, value, crowded, b
    ),
    hour_cells AS (
        SELECT side, service, operation, scope, key, value, crowded, b, sum(spans) AS n, sum(failed) AS f
        FROM {span_changes_1h_table:Identifier}
        ARRAY JOIN arrayConcat(
            if(t >= {w_h_from:DateTime64(3)} AND t < {w_h_to:DateTime64(3)}, [1], []),
            if(t >= {b_h_from:DateTime64(3)} AND t < {b_h_to:DateTime64(3)}, [0], [])) AS side
        WHERE (t >= {w_h_from:DateTime64(3)} AND t < {w_h_to:DateTime64(3)})
           OR (t >= {b_h_from:DateTime64(3)} AND t < {b_h_to:DateTime64(3)})
        GROUP BY side, service, operation, scope, key, value, crowded, b
    ),
    cells AS (
        SELECT side, service, operation, scope, key, value, crowded, b, sum(n) AS n, sum(f) AS f
        FROM
        (
            -- arm: edges
            SELECT side, service, operation, scope, key, value, crowded, b, n, f FROM raw_cells
            -- arm: minutes
            SELECT side, service, operation, scope, key, value, crowded, b, n, f FROM minute_cells
            -- arm: hours
            SELECT side, service, operation, scope, key, value, crowded, b, n, f FROM hour_cells
            -- end arms
        )
        GROUP BY side, service, operation, scope, key, value, crowded, b
    ),
    (
        SELECT groupArray((scope, key)) FROM
        (
            SELECT scope, key
            FROM cells
            WHERE side = 1 AND scope != ''
            GROUP BY scope, key
            HAVING max(crowded) = 0 AND uniqExact(value) <= {max_values:UInt32}
            ORDER BY sum(n) DESC, scope, key
            LIMIT {max_keys:UInt32}
        )
    ) AS attribute_keys,
    -- Per operation, the class holding the baseline's p95 self time: the
    -- first whose cumulative count reaches 95 % of the baseline's spans.
    thresholds AS (
        SELECT
            service,
            operation,
            arraySort(groupArray((b, n))) AS classes,
            arrayCumSum(arrayMap(c -> c.2, classes)) AS cumulative,
            classes[arrayFirstIndex(x -> x >= 0.95 * sum(n), cumulative)].1 AS slow_b
        FROM cells
        WHERE side = 0 AND scope = ''
        GROUP BY service, operation
    )
SELECT
    c.service AS service,
    c.operation AS operation,
    c.scope AS scope,
    c.key AS key,
    c.value AS value,
    if(th.classes = [], NULL, pow(2, (th.slow_b + 1) / 4) / 1e6) AS slow_ms,
    toUInt32(sumIf(c.n, c.side = 1)) AS window_spans,
    toUInt32(sumIf(c.f, c.side = 1)) AS window_failed,
    toUInt32(sumIf(c.n - c.f, c.side = 1 AND th.classes != [] AND c.b > th.slow_b)) AS window_slow,
    toUInt32(sumIf(c.n, c.side = 0)) AS baseline_spans,
    toUInt32(sumIf(c.f, c.side = 0)) AS baseline_failed,
    toUInt32(sumIf(c.n - c.f, c.side = 0 AND th.classes != [] AND c.b > th.slow_b)) AS baseline_slow
FROM cells AS c
LEFT JOIN thresholds AS th ON th.service = c.service AND th.operation = c.operation
WHERE c.crowded = 0 AND (c.scope = '' OR has(attribute_keys, (c.scope, c.key)))
GROUP BY service, operation, scope, key, value, slow_ms
HAVING window_spans > 0
ORDER BY service, operation, scope, key, window_spans DESC, value
