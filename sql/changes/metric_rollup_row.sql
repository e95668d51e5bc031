-- A metric rollup row `r` (per-minute or hourly) as a row of the metric
-- tiers in changes/metrics: its bucket of {step_ms} (a multiple of the
-- rollup's grain) and its count, sum and sketch as they are.
metric_name, service, labels, side,
intDiv(toUnixTimestamp(t) * 1000, {step_ms:Int64}) AS bucket,
r.n AS samples, r.total AS total_value,
r.q AS q
