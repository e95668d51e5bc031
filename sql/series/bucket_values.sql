-- The statistics a panel asked for ({stats}: any of count, sum, min, max,
-- avg, last, p50, p90, p95, p99), in its order, from a bucket's n, total,
-- lo, hi, last and q (the sketch's p50, p90, p95, p99): only those leave
-- ClickHouse, not every statistic the read computed. A sketch's estimate
-- can fall just outside the values it summarises (a bucket holding only 20
-- answers p50 ≈ 19.9); every true quantile lies in [min, max], so clamping
-- keeps the error bound and makes such buckets exact. An estimate between
-- 1e-9 and 1e15 in magnitude is given to 6 significant digits (a relative
-- change under 5e-6, far inside the sketch's 1 %): its 17 digits were noise,
-- a third of a latency panel's answer. Beyond that range round() with so
-- large a scale loses the value (1.2e-20 rounds to 0), so it keeps every
-- digit, as the exact statistics do.
    arrayMap(s -> multiIf(
        s = 'count', toFloat64(n),
        s = 'sum', total,
        s = 'min', lo,
        s = 'max', hi,
        s = 'avg', total / n,
        s = 'last', last,
        least(hi, greatest(lo, arrayMap(x -> if(NOT (abs(x) >= 1e-9 AND abs(x) < 1e15), x, round(x, 5 - toInt32(floor(log10(abs(x)))))), q)[indexOf(['p50', 'p90', 'p95', 'p99'], s)]))),
        {stats:Array(String)}) AS v
