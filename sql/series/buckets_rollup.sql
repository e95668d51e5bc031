-- series/buckets.sql answered from the rollups: the same rows, merged from
-- three sources that tile the window [from, to) without overlap (see
-- lib/queries/tiers.ts): the hourly rollup for [h_from, h_to), the
-- per-minute one for the rest of [m_from, m_to), raw rows for the ragged
-- edges outside it. The step is a multiple of each rollup's grain used, so
-- every rollup row falls in one bucket. The raw edges are turned into the
-- rollups' states, so count/sum/min/max/last merge exactly and quantiles
-- merge losslessly (a DDSketch state).
WITH
    parts AS (
        -- Each arm that holds rows (lib/queries/tiers.ts): the raw ragged edges,
        -- the per-minute rollup around the hours, the hourly rollup.
        -- arm: edges
        -- include: series/rollup_raw_edges
        -- arm: minutes
        -- include: series/rollup_minutes
        -- arm: hours
        SELECT
            metric_name,
            -- include: series/group_of_row
            intDiv(toUnixTimestamp(hour.t) * 1000, {step_ms:Int64}) * {step_ms:Int64} AS t,
            hour.n, hour.total, hour.lo, hour.hi, hour.last,
            -- include: series/sketch_if_asked
        FROM {metrics_1h_table:Identifier} AS hour
        WHERE metric_name IN {metrics:Array(String)}
          AND hour.t >= {h_from:DateTime64(3)} AND hour.t < {h_to:DateTime64(3)}
          -- include: series/label_match
        -- end arms
    ),
    -- include: series/rollup_merge
