-- The hourly metric rollup per single label instead of per label set: for
-- each (metric, service, hour) one row with label_key '' (every row of the
-- metric: what an ungrouped or service-grouped panel reads) and one per
-- (label key, value) that occurs. A panel grouped by a label then reads a
-- few rows per value and hour, never the Map: at 1e8 rows the latency
-- metric has 32 label sets but 4 exchanges. Rows lacking a key are not in
-- that key's rows; the reader checks that the key's rows account for every
-- row of the window before it uses them (lib/queries/series.ts).
CREATE TABLE IF NOT EXISTS {metrics_1h_by_label_table:Identifier}
-- include: rollups/metric_by_label_table
