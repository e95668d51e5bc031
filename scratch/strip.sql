CREATE TABLE IF NOT EXISTS x_density_1m (t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)), kind Enum8('security' = 1, 'anomalies' = 2, 'spans' = 3), severity LowCardinality(String), n SimpleAggregateFunction(sum, UInt64), errors SimpleAggregateFunction(sum, UInt64)) ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(t) ORDER BY (t, kind, severity);
CREATE TABLE IF NOT EXISTS x_density_1h (t DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)), kind Enum8('security' = 1, 'anomalies' = 2, 'spans' = 3), severity LowCardinality(String), n SimpleAggregateFunction(sum, UInt64), errors SimpleAggregateFunction(sum, UInt64)) ENGINE = AggregatingMergeTree PARTITION BY toYYYYMM(t) ORDER BY (t, kind, severity);
INSERT INTO x_density_1m SELECT t, 'security', severity, sum(n), 0 FROM security_events_1m GROUP BY t, severity;
INSERT INTO x_density_1m SELECT t, 'anomalies', '', sum(n), 0 FROM anomaly_detections_1m GROUP BY t;
INSERT INTO x_density_1m SELECT t, 'spans', '', sum(spans), sum(errors) FROM otel_traces_1m GROUP BY t;
INSERT INTO x_density_1h SELECT toStartOfHour(t) AS t, kind, severity, sum(n), sum(errors) FROM x_density_1m GROUP BY t, kind, severity;
OPTIMIZE TABLE x_density_1m FINAL;
OPTIMIZE TABLE x_density_1h FINAL
