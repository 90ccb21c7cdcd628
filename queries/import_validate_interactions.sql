-- import: every problem in the staged interactions file as (line, column, reason), in file order; none = valid.
WITH x AS (
    SELECT *,
           import_timestamp("at") AS ts,
           import_number(sentiment) AS s
    FROM stg_interactions
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'client_id', 'required' FROM x WHERE client_id IS NULL
    UNION ALL
    SELECT line, 2, 'client_id', 'no client ' || import_show(client_id) || ' in ' || $clients_file
    FROM x WHERE client_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients c WHERE c.client_id = x.client_id)
    UNION ALL
    SELECT line, 3, 'at', coalesce('not a timestamp (like 2026-03-02 21:40): ' || import_show("at"), 'required')
    FROM x WHERE ts IS NULL
    UNION ALL
    SELECT line, 4, 'channel',
           coalesce('not one of email, phone, meeting, chat, letter, sms, social: ' || import_show(channel), 'required')
    FROM x WHERE channel IS NULL
              OR lower(channel) NOT IN ('email', 'phone', 'meeting', 'chat', 'letter', 'sms', 'social')
    UNION ALL
    SELECT line, 5, 'kind',
           coalesce('not one of request, urgent_request, revision_request, scope_change, complaint, '
                    || 'escalation, praise, other: ' || import_show(kind), 'required')
    FROM x WHERE kind IS NULL
              OR lower(kind) NOT IN ('request', 'urgent_request', 'revision_request', 'scope_change',
                                     'complaint', 'escalation', 'praise', 'other')
    UNION ALL
    SELECT line, 6, 'sentiment', CASE WHEN s IS NULL THEN 'not a number: ' || import_show(sentiment)
                                      ELSE 'must be between -1 and 1: ' || import_show(sentiment) END
    FROM x WHERE sentiment IS NOT NULL AND (s IS NULL OR s < -1 OR s > 1)
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
