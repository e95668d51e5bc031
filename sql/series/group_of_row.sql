-- A metrics row's group (raw or rolled up by label set): '' without a
-- group key, the service column for `service`, else the label's value ('' when absent).
if({group_key:String} = '', '',
    if({group_key:String} = 'service', toString(service), labels[{group_key:String}])) AS grp,
