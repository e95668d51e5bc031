-- What the list's filters need of a trace, merged from its summary rows
-- (`s`) with GROUP BY TraceId: its start and end, error spans, and whether
-- the filter's service is among its services.
    min(s.start_ns) AS start_ns,
    max(s.end_ns) AS end_ns,
    toUInt32(sum(s.error_count)) AS error_count,
    max(has(s.services, {service:String})) AS has_service
