-- The list's filters on a trace's merged columns (traces/summary_filter_columns):
-- it starts in [from, to), has the service, lasts long enough, and failed
-- or did not as asked.
    start_ns >= {from_ms:Int64} * 1000000 AND start_ns < {to_ms:Int64} * 1000000
    AND ({service:String} = '' OR has_service)
    AND (end_ns - start_ns) / 1e6 >= {min_duration_ms:Float64}
    AND ({status:String} = '' OR ({status:String} = 'error') = (error_count > 0))
