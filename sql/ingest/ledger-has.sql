-- Whether a batch (by its token) is already in the import ledger.
SELECT toUInt8(count() > 0) AS done
FROM {imports_table:Identifier}
WHERE token = {token:String}
