-- The panel's label filter on a metrics row, raw or rolled up (both keep the
-- service column and the labels map): every service value must equal the
-- service column (label key `service`), and every other (key, value) pair
-- must be in the labels map. Included after a WHERE condition.
AND hasAll([toString(service)], {service_values:Array(String)})
AND (empty({label_keys:Array(String)})
     OR hasAll(CAST(labels, 'Array(Tuple(String, String))'), arrayZip({label_keys:Array(String)}, {label_values:Array(String)})))
