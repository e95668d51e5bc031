-- The state columns of the metric rollups (sql/schema/050, 052, 130): exact
-- count/sum/min/max/last and a mergeable DDSketch of the values.
    n SimpleAggregateFunction(sum, UInt64),
    total SimpleAggregateFunction(sum, Float64),
    lo SimpleAggregateFunction(min, Float64),
    hi SimpleAggregateFunction(max, Float64),
    last AggregateFunction(argMax, Float64, DateTime64(3, 'UTC')),
    q AggregateFunction(quantilesDD(0.01, 0.5, 0.9, 0.95, 0.99), Float64)
