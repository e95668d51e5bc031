-- Rows of the security table and the rows its hourly counts account for.
SELECT
    (SELECT toUInt64(count()) FROM {security_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(n)) FROM {security_1h_table:Identifier}) AS derived
