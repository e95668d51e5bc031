-- The seed replaces the demo tables' content, so reseeding never duplicates rows.
TRUNCATE TABLE IF EXISTS {table:Identifier}
