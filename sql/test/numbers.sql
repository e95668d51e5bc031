-- Used only by lib/clickhouse/query.test.ts: n rows, to exercise the door's limits.
SELECT toUInt32(number) AS n FROM numbers({n:UInt32})
