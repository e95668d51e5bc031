-- A per-label metric rollup's rows from the inserts into the rollup by label
-- set of the same grain (aliased `src`, named by the view after FROM): the
-- view's SELECT list up to its FROM.
    src.t AS t,
    metric_name,
    label_key,
    service,
    label_value,
    -- include: rollups/metric_state_merge
