-- connector: every problem in the parsed export of interactions (src_touches) as (line, column,
-- reason), in file order; none = valid. Lines with no client are not checked. A helpdesk ticket needs
-- its id (id_required: it is the ticket's identity); an id may appear once. $date_hint says which
-- dates read.
WITH t AS (
    SELECT *, min(line) OVER (PARTITION BY ticket_id) AS first_line FROM src_touches WHERE skip IS NULL
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'ticket_id', 'required (it is what identifies the ticket)'
    FROM t WHERE id_required AND ticket_id IS NULL
    UNION ALL
    SELECT line, 2, 'ticket_id', 'duplicate id ' || import_show(ticket_id) || ' (first on line ' || first_line || ')'
    FROM t WHERE ticket_id IS NOT NULL AND line > first_line
    UNION ALL
    SELECT line, 3, 'at', coalesce('not a date and time ' || $date_hint || ': ' || import_show(at_text), 'required')
    FROM t WHERE "at" IS NULL
    UNION ALL
    SELECT line, 4, 'channel',
           coalesce('not one of email, phone, meeting, chat, letter, sms, social (give the sheet''s words '
                    || 'their channel under [values.channel]): ' || import_show(channel_text), 'required')
    FROM t WHERE channel IS NULL
    UNION ALL
    SELECT line, 5, 'kind',
           coalesce('not one of request, urgent_request, revision_request, scope_change, complaint, '
                    || 'escalation, praise, other (give the sheet''s words their kind under [values.kind]): '
                    || import_show(kind_text),
                    'required (an empty cell''s kind may be given under [values.kind], "" = "request")')
    FROM t WHERE kind IS NULL
    UNION ALL
    SELECT line, 6, 'sentiment',
           CASE WHEN sentiment IS NULL THEN 'not a number' ELSE 'must be between -1 and 1' END
           || ' (give the sheet''s words or scale their tone under [values.sentiment], like '
           || '"annoyed" = -0.5 or "-2" = -1, and a word for none as "" like "Offered" = ""): '
           || import_show(sentiment_text)
    FROM t WHERE sentiment_text IS NOT NULL AND (sentiment IS NULL OR sentiment < -1 OR sentiment > 1)
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
