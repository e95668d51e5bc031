-- How many rows a table holds (from its parts' metadata: no scan).
SELECT toUInt64(count()) AS rows FROM {table:Identifier}
