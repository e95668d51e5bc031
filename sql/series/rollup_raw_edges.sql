-- The raw rows at the ragged edges of a rollup read, outside [m_from, m_to),
-- as the rollups' states per (metric, group, bucket).
SELECT
    metric_name,
    -- include: series/group_of_row
    intDiv(toUnixTimestamp64Milli(timestamp), {step_ms:Int64}) * {step_ms:Int64} AS t,
    -- include: rollups/metric_state_of_rows
FROM {metrics_table:Identifier}
WHERE metric_name IN {metrics:Array(String)}
  AND ((timestamp >= {from:DateTime64(3)} AND timestamp < {m_from:DateTime64(3)})
       OR (timestamp >= {m_to:DateTime64(3)} AND timestamp < {to:DateTime64(3)}))
  -- include: series/label_match
GROUP BY metric_name, grp, t
