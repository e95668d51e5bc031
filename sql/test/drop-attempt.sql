-- Used only by lib/queries/readonly.test.ts: DDL through the read door.
DROP TABLE {security_table:Identifier}
