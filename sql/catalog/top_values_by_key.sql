-- The end of a catalog labels query: (key, value, n) rows counted, the
-- values_per_key most frequent values of each key kept, most frequent first.
    GROUP BY key, value
    ORDER BY key, n DESC, value
    LIMIT {values_per_key:UInt32} BY key
)
GROUP BY key
ORDER BY key
LIMIT {limit:UInt32}
