-- Merges a table's parts as ClickHouse's background merges would in time:
-- a benchmark dataset then reads like a team's long-lived tables (a part per
-- partition, rollup states already merged), and no merge runs beside the
-- timed steps.
OPTIMIZE TABLE {table:Identifier} FINAL
