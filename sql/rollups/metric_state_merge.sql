-- A metric rollup row from the rows of a finer one (the source aliased
-- `src`): the states merged, still states.
    sum(src.n) AS n,
    sum(src.total) AS total,
    min(src.lo) AS lo,
    max(src.hi) AS hi,
    argMaxMergeState(src.last) AS last,
    quantilesDDMergeState(0.01, 0.5, 0.9, 0.95, 0.99)(src.q) AS q
