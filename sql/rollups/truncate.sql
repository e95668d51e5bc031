-- Empties a rollup before it is refilled whole from its source rollup.
TRUNCATE TABLE {table:Identifier}
