-- Which of the given tables exist, by the name configuration uses for them
-- (bare in the current database, else database.table).
SELECT if(database = currentDatabase(), name, concat(database, '.', name)) AS name
FROM system.tables
WHERE (database = currentDatabase() AND name IN {names:Array(String)})
   OR concat(database, '.', name) IN {names:Array(String)}
