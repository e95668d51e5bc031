-- A metric rollup row's quantile sketch when the panel asks for a quantile,
-- else an empty one. The condition is a constant, so without quantiles the
-- sketch column is not read at all: a sketch is by far the widest state of
-- a row (reading it cost a 24-hour mean from the per-label rollups about a
-- quarter of its time at 1e7 rows), and the merge would ignore it anyway.
-- Ends the SELECT list of a rollup arm whose table has the column `q`.
    if({with_quantiles:UInt8} = 1, q, arrayReduce('quantilesDDState(0.01, 0.5, 0.9, 0.95, 0.99)', emptyArrayFloat64())) AS q
