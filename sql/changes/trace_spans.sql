-- A trace's spans as one array of (SpanId, ParentSpanId, service, name,
-- Duration, is error, Timestamp, span attributes, resource attributes)
-- tuples, the shape changes/span_judged reads. Included as the select list
-- of a per-TraceId subquery.
groupArray((SpanId, ParentSpanId, toString(ServiceName), toString(SpanName), Duration, StatusCode = 'Error', Timestamp,
            SpanAttributes, ResourceAttributes)) AS trace_spans
