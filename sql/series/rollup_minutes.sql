-- The per-minute rollup's rows in [m_from, m_to) outside the hours [h_from, h_to).
SELECT
    metric_name,
    -- include: series/group_of_row
    intDiv(toUnixTimestamp(minute.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
    minute.n, minute.total, minute.lo, minute.hi, minute.last,
    -- include: series/sketch_if_asked
FROM {metrics_1m_table:Identifier} AS minute
WHERE metric_name IN {metrics:Array(String)}
  AND ((minute.t >= {m_from:DateTime64(3)} AND minute.t < {h_from:DateTime64(3)})
       OR (minute.t >= {h_to:DateTime64(3)} AND minute.t < {m_to:DateTime64(3)}))
  -- include: series/label_match
