-- connector: a mapped sheet of interactions' fields that have no column of their own, filled in
-- stg_touches: a [fixed] value for the whole file ($fixed_keys -> $fixed_values), or the value of the
-- field whose column it shares ($copy_to -> $copy_from). Run only when the mapping has either.
UPDATE stg_touches AS s
SET ticket_id = r.v['ticket_id'], client = r.v['client'], "domain" = r.v['domain'], "at" = r.v['at'],
    channel = r.v['channel'], kind = r.v['kind'], sentiment = r.v['sentiment'], note = r.v['note']
FROM (
    SELECT line,
           connector_filled(m, $fixed_keys::VARCHAR[], $fixed_values::VARCHAR[],
                            $copy_to::VARCHAR[], $copy_from::VARCHAR[]) AS v
    FROM (
        SELECT line,
               MAP(['ticket_id', 'client', 'domain', 'at', 'channel', 'kind', 'sentiment', 'note'],
                   [ticket_id, client, "domain", "at", channel, kind, sentiment, note]) AS m
        FROM stg_touches
    )
) AS r
WHERE r.line = s.line;
