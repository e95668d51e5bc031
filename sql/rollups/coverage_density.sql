-- The rows of the raw tables the density strip counts, and the ones its
-- per-minute and hourly counts account for. A count is taken as whole only
-- when every kind's total equals its raw total (a kind short and another
-- over by as much would otherwise pass): else it is given as -1.
WITH
    (SELECT toInt64(count()) FROM {security_table:Identifier}) AS security,
    (SELECT toInt64(countIf(is_anomaly = 1)) FROM {anomalies_table:Identifier}) AS anomalies,
    (SELECT toInt64(count()) FROM {traces_table:Identifier}) AS spans,
    (SELECT (toInt64(sumIf(n, kind = 'security')), toInt64(sumIf(n, kind = 'anomalies')), toInt64(sumIf(n, kind = 'spans'))) FROM {density_1m_table:Identifier}) AS in_minute,
    (SELECT (toInt64(sumIf(n, kind = 'security')), toInt64(sumIf(n, kind = 'anomalies')), toInt64(sumIf(n, kind = 'spans'))) FROM {density_1h_table:Identifier}) AS in_hour
SELECT
    security + anomalies + spans AS raw,
    if(in_minute = (security, anomalies, spans), raw, -1) AS minute,
    if(in_hour = (security, anomalies, spans), raw, -1) AS hour
