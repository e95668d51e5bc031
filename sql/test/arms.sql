-- The arms mechanism of lib/clickhouse/sql-files.ts on the engine: each arm
-- a distinct power of ten, so the sum names the arms that ran.
SELECT toUInt32(sum(x)) AS total
FROM
(
    -- arm: a
    SELECT 1 AS x
    -- arm: b
    SELECT 10 AS x
    -- arm: b c
    SELECT 100 AS x
    -- end arms
)
