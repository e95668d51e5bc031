-- catalog/security.sql by whole hours [h_from, h_to) from the hourly security counts.
SELECT
    arraySort(groupUniqArray(toString(event_type))) AS event_types,
    arraySort(groupUniqArray(toString(severity))) AS severities
FROM {security_1h_table:Identifier}
WHERE t >= {h_from:DateTime64(3)} AND t < {h_to:DateTime64(3)}
