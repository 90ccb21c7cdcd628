-- connector: a mapped sheet of feedback scores' fields that have no column of their own, filled in
-- stg_answers: a [fixed] value for the whole file ($fixed_keys -> $fixed_values), or the value of the
-- field whose column it shares ($copy_to -> $copy_from). Run only when the mapping has either.
UPDATE stg_answers AS s
SET response_id = r.v['response_id'], client = r.v['client'], "domain" = r.v['domain'],
    "date" = r.v['date'], score = r.v['score'], "comment" = r.v['comment']
FROM (
    SELECT line,
           connector_filled(m, $fixed_keys::VARCHAR[], $fixed_values::VARCHAR[],
                            $copy_to::VARCHAR[], $copy_from::VARCHAR[]) AS v
    FROM (
        SELECT line,
               MAP(['response_id', 'client', 'domain', 'date', 'score', 'comment'],
                   [response_id, client, "domain", "date", score, "comment"]) AS m
        FROM stg_answers
    )
) AS r
WHERE r.line = s.line;
