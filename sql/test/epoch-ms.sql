-- The epoch milliseconds ClickHouse reads from a bound DateTime64(3) (the binding test in lib/queries/common.test.ts).
SELECT toString(toUnixTimestamp64Milli({t:DateTime64(3)})) AS ms
