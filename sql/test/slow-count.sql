-- Used by tests (cancellation, readiness under a busy engine): one row that takes long to compute, to exercise cancellation.
SELECT toUInt32(count() % 10) AS n FROM numbers({n:UInt64})
