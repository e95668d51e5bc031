-- Proves the engine answers; the version helps when reporting issues.
SELECT version() AS version
