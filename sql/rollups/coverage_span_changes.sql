-- Spans and the spans the "what changed" span rollups account for (each
-- span counts once in its operation's whole cell). Read from the hourly
-- rollup alone (an eighth of the per-minute one's rows): it is fed only by
-- the per-minute one's inserts (its view and the backfill's), so when it
-- accounts for every span, the per-minute one did too.
SELECT
    (SELECT toUInt64(count()) FROM {traces_table:Identifier}) AS raw,
    (SELECT toUInt64(sum(spans)) FROM {span_changes_1h_table:Identifier} WHERE scope = '' AND key = '') AS hour,
    hour AS minute
