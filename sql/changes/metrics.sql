-- What changed, metrics. Per series (metric, label key, label value) and per
-- bucket [t, t + step) on each side (window = 1, baseline = 0): the bucket's
-- mean and p99. Then per series: the window's median bucket value and the
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
    bucketed AS (
        SELECT
            metric_name AS metric,
            kv.1 AS key,
            kv.2 AS label_value,
            side,
            intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) AS bucket,
            avg(value) AS mean,
            quantile(0.99)(value) AS p99,
            count() AS n
        FROM {metrics_table:Identifier}
        ARRAY JOIN
            arrayConcat([('', ''), ('service', toString(service))], CAST(labels, 'Array(Tuple(String, String))')) AS kv
        ARRAY JOIN
            arrayConcat(
                if(timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)}, [1], []),
                if(timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}, [0], [])) AS side
        WHERE ((timestamp >= {from:DateTime64(3)} AND timestamp < {to:DateTime64(3)})
               OR (timestamp >= {base_from:DateTime64(3)} AND timestamp < {base_to:DateTime64(3)}))
          AND isFinite(value)
        GROUP BY metric, key, label_value, side, bucket
    ),
    series AS (
        SELECT
            metric,
            key,
            label_value,
            groupArrayIf(mean, side = 0) AS base_mean,
            groupArrayIf(p99, side = 0) AS base_p99,
            groupArrayIf(mean, side = 1) AS win_mean,
            groupArrayIf(p99, side = 1) AS win_p99,
            -- the baseline's bucket means in time order, for its differences at a lag
            arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf((bucket, mean), side = 0))) AS base_sorted,
            arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf((bucket, mean), side = 1))) AS win_sorted,
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
