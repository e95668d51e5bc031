-- The first arms of a rollup read's `parts`: the raw ragged edges and the
-- per-minute rollup around the hours, each ending in UNION ALL, for the
-- file that includes this to add its hourly arm.
-- include: series/rollup_raw_edges
UNION ALL
-- include: series/rollup_minutes
UNION ALL
