-- A metric rollup row's states from raw metrics rows (value, timestamp).
    count() AS n,
    sum(value) AS total,
    min(value) AS lo,
    max(value) AS hi,
    argMaxState(value, timestamp) AS last,
    quantilesDDState(0.01, 0.5, 0.9, 0.95, 0.99)(value) AS q
