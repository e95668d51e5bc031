-- Drops a derived rollup (or its view) that the backfill rebuilds from its
-- schema file and refills from its source rollup.
DROP TABLE IF EXISTS {table:Identifier}
