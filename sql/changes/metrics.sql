-- What changed, metrics. Per series (metric, label key, label value) and per
-- bucket [t, t + step) on each side (window = 1, baseline = 0): the bucket's
-- mean and p99 (from the rollups' DDSketch, 1 % relative accuracy: raw rows
-- are sketched the same way, so both paths agree). Each side is read from
-- the hourly rollup in [*_h_from, *_h_to), the per-minute one in
-- [*_m_from, *_m_to) outside that, raw rows for the rest (lib/queries/
-- tiers.ts; empty tier ranges: raw rows only), each tier an arm, left out
-- when its ranges are empty on both sides; a rollup row holding a
-- non-finite value is left out whole, as raw rows leave out that value.
-- The p99s are computed only when {tails} = 1: each bucket's p99 merges
-- sketches (~20 µs each), so the caller asks for them over the baseline's
-- last buckets only, in a second run (lib/queries/changes.ts).
-- Then per series: the window's median bucket value and the
-- baseline's median and MAD (median absolute deviation) of its buckets, for
-- each statistic, so the score can measure the move against the baseline's
-- own bucket-to-bucket spread; and how the baseline's means differ from one
-- bucket to the next and between buckets {lag} apart (median and MAD),
-- which tells a series that wanders (a running PnL) from one that scatters
-- around a level. Buckets are counted in order (gaps in the data close up).
-- The empty key is the whole metric; `service` is the service column;
-- every other key a label. A row may fall on both
-- sides when the windows overlap. Per (metric, key) at most {max_values}
-- values, those with the most rows in the window, then in the baseline.
WITH
    -- Per (metric, service, label set), side and bucket: count, sum and a
    -- quantile sketch, from raw rows and from the rollups' rows alike (as
    -- they are: the readings below merge them, and only the tail's
    -- sketches, the costly part, are ever merged).
    tiers AS (
        SELECT * FROM
        (
            -- arm: edges
            SELECT
                metric_name, service, labels, side,
                intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) AS bucket,
                count() AS samples, sum(value) AS total_value,
                quantilesDDStateIf(0.01, 0.5, 0.9, 0.95, 0.99)(value, {tails:UInt8} = 1) AS q
            FROM {metrics_table:Identifier}
            ARRAY JOIN arrayConcat(if((timestamp >= {from:DateTime64(3)} AND timestamp < {w_m_from:DateTime64(3)}) OR (timestamp >= {w_m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}), [1], []), if((timestamp >= {base_from:DateTime64(3)} AND timestamp < {b_m_from:DateTime64(3)}) OR (timestamp >= {b_m_to:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}), [0], [])) AS side
            WHERE (((timestamp >= {from:DateTime64(3)} AND timestamp < {w_m_from:DateTime64(3)}) OR (timestamp >= {w_m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)})) OR ((timestamp >= {base_from:DateTime64(3)} AND timestamp < {b_m_from:DateTime64(3)}) OR (timestamp >= {b_m_to:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}))) AND isFinite(value)
            GROUP BY metric_name, service, labels, side, bucket
            -- arm: minutes
            SELECT
                -- include: changes/metric_rollup_row
            FROM {metrics_1m_table:Identifier} AS r
            ARRAY JOIN arrayConcat(if((t >= {w_m_from:DateTime64(3)} AND t < {w_h_from:DateTime64(3)}) OR (t >= {w_h_to:DateTime64(3)} AND t < {w_m_to:DateTime64(3)}), [1], []), if((t >= {b_m_from:DateTime64(3)} AND t < {b_h_from:DateTime64(3)}) OR (t >= {b_h_to:DateTime64(3)} AND t < {b_m_to:DateTime64(3)}), [0], [])) AS side
            WHERE (((t >= {w_m_from:DateTime64(3)} AND t < {w_h_from:DateTime64(3)}) OR (t >= {w_h_to:DateTime64(3)} AND t < {w_m_to:DateTime64(3)})) OR ((t >= {b_m_from:DateTime64(3)} AND t < {b_h_from:DateTime64(3)}) OR (t >= {b_h_to:DateTime64(3)} AND t < {b_m_to:DateTime64(3)}))) AND isFinite(r.total)
            -- arm: hours
            SELECT
                -- include: changes/metric_rollup_row
            FROM {metrics_1h_table:Identifier} AS r
            ARRAY JOIN arrayConcat(if(t >= {w_h_from:DateTime64(3)} AND t < {w_h_to:DateTime64(3)}, [1], []), if(t >= {b_h_from:DateTime64(3)} AND t < {b_h_to:DateTime64(3)}, [0], [])) AS side
            WHERE ((t >= {w_h_from:DateTime64(3)} AND t < {w_h_to:DateTime64(3)}) OR (t >= {b_h_from:DateTime64(3)} AND t < {b_h_to:DateTime64(3)})) AND isFinite(r.total)
            -- end arms
        )
    ),
    -- Each bucket's mean (sums only: the sketches are left out of this
    -- reading of `tiers`) and, in a second reading when {tails} = 1, its p99.
    bucket_means AS (
        SELECT metric_name AS metric, kv.1 AS key, kv.2 AS label_value, side, bucket, sum(total_value) / sum(samples) AS mean, sum(samples) AS n
        FROM tiers
        ARRAY JOIN
            arrayConcat([('', ''), ('service', toString(service))], CAST(labels, 'Array(Tuple(String, String))')) AS kv
        GROUP BY metric, key, label_value, side, bucket
    ),
    bucket_tails AS (
        SELECT
            metric_name AS metric, kv.1 AS key, kv.2 AS label_value, side, bucket,
            -- the sketch's first parameter is its accuracy: [4] is the 0.99 level
            quantilesDDMerge(0.01, 0.5, 0.9, 0.95, 0.99)(q)[4] AS p99
        FROM tiers
        ARRAY JOIN
            arrayConcat([('', ''), ('service', toString(service))], CAST(labels, 'Array(Tuple(String, String))')) AS kv
        WHERE {tails:UInt8} = 1
        GROUP BY metric, key, label_value, side, bucket
    ),
    bucketed AS (
        SELECT metric, key, label_value, side, bucket, mean, nan AS p99, n, 0 AS tail FROM bucket_means
        UNION ALL
        SELECT metric, key, label_value, side, bucket, nan AS mean, p99, 0 AS n, 1 AS tail FROM bucket_tails
    ),
    series AS (
        SELECT
            metric,
            key,
            label_value,
            groupArrayIf(mean, side = 0 AND tail = 0) AS base_mean,
            groupArrayIf(p99, side = 0 AND tail = 1) AS base_p99,
            groupArrayIf(mean, side = 1 AND tail = 0) AS win_mean,
            groupArrayIf(p99, side = 1 AND tail = 1) AS win_p99,
            -- the baseline's bucket means in time order, for its differences at a lag
            arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf((bucket, mean), side = 0 AND tail = 0))) AS base_sorted,
            arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf((bucket, mean), side = 1 AND tail = 0))) AS win_sorted,
            sumIf(n, side = 1) AS window_rows,
            sumIf(n, side = 0) AS baseline_rows
        FROM bucketed
        GROUP BY metric, key, label_value
    )
SELECT
    metric,
    key,
    label_value,
    toUInt32(window_rows) AS window_rows,
    toUInt32(baseline_rows) AS baseline_rows,
    toUInt32(length(win_mean)) AS window_buckets,
    toUInt32(length(base_mean)) AS baseline_buckets,
    arrayReduce('quantileExactInclusive(0.5)', win_mean) AS window_mean,
    arrayReduce('quantileExactInclusive(0.5)', base_mean) AS baseline_mean,
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - baseline_mean), base_mean)) AS baseline_mean_mad,
    arrayReduce('quantileExactInclusive(0.5)', win_p99) AS window_p99,
    arrayReduce('quantileExactInclusive(0.5)', base_p99) AS baseline_p99,
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - baseline_p99), base_p99)) AS baseline_p99_mad,
    -- differences between buckets 1 and `lag` apart (lag: {lag} buckets, at most half the
    -- baseline), from two slices rather than indexing in a lambda, which would copy the array per element
    arrayPopFront(arrayDifference(base_sorted)) AS steps,
    toUInt32(least({lag:UInt32}, intDiv(length(base_sorted), 2))) AS lag,
    arrayMap((earlier, later) -> later - earlier,
        arraySlice(base_sorted, 1, greatest(length(base_sorted) - lag, 0)), arraySlice(base_sorted, 1 + lag)) AS lagged,
    arrayReduce('quantileExactInclusive(0.5)', steps) AS step_median,
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - step_median), steps)) AS baseline_step_mad,
    lag AS baseline_lag,
    -- the window's own level and step spreads: a wandering series may look settled on one side only
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - window_mean), win_mean)) AS window_mean_mad,
    arrayPopFront(arrayDifference(win_sorted)) AS win_steps,
    arrayReduce('quantileExactInclusive(0.5)', win_steps) AS win_step_median,
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - win_step_median), win_steps)) AS window_step_mad,
    arrayReduce('quantileExactInclusive(0.5)', lagged) AS baseline_lag_median,
    arrayReduce('quantileExactInclusive(0.5)', arrayMap(x -> abs(x - baseline_lag_median), lagged)) AS baseline_lag_mad
FROM series
ORDER BY metric, key, window_rows DESC, baseline_rows DESC, label_value
LIMIT {max_values:UInt32} BY metric, key
