-- Used only by lib/queries/readonly.test.ts: a write sent through the read
-- door (queryRows), which ClickHouse must refuse (readonly = 2).
INSERT INTO {metrics_table:Identifier} (timestamp, metric_name, service, value)
SELECT now64(3), 'written-through-the-read-path', 'attacker', 1
