-- import: every problem in the staged interactions file as (line, column, reason), in file order; none = valid.
-- $first_line: the line of the first row (2 for CSV, whose line 1 is the header; 1 for Parquet).
-- One pass over the file: each row's checks are flags, and only a row with one set is turned into
-- its problems (a list, in the order they are listed), so nothing the size of the file is built.
WITH x AS (
    SELECT s.*,
           s.rowid + $first_line AS line,
           c.client_id IS NULL AS unlisted,
           import_timestamp(s."at") AS ts,
           import_number(s.sentiment) AS sv
    FROM stg_interactions s
    LEFT JOIN (SELECT DISTINCT client_id FROM stg_clients) c ON c.client_id = s.client_id
    WHERE coalesce(*COLUMNS(s.*)) <> ''  -- a row of empty fields (Excel's ',,,') is no row
),
flags AS (
    SELECT *,
           client_id IS NULL AS no_client,
           client_id IS NOT NULL AND unlisted AS bad_client,
           ts IS NULL AS bad_at,
           channel IS NULL
               OR lower(channel) NOT IN ('email', 'phone', 'meeting', 'chat', 'letter', 'sms', 'social')
               AS bad_channel,
           kind IS NULL
               OR lower(kind) NOT IN ('request', 'urgent_request', 'revision_request', 'scope_change',
                                      'complaint', 'escalation', 'praise', 'other') AS bad_kind,
           sentiment IS NOT NULL AND (sv IS NULL OR sv < -1 OR sv > 1) AS bad_sentiment
    FROM x
),
problems AS (
    SELECT line, unnest(list_filter([
        CASE WHEN no_client THEN {'k': 1, 'col': 'client_id', 'reason': 'required'} END,
        CASE WHEN bad_client THEN {'k': 2, 'col': 'client_id',
            'reason': 'no client ' || import_show(client_id) || ' in ' || $clients_file} END,
        CASE WHEN bad_at THEN {'k': 3, 'col': 'at',
            'reason': coalesce('not a timestamp (like 2026-03-02 21:40): ' || import_show("at"), 'required')} END,
        CASE WHEN bad_channel THEN {'k': 4, 'col': 'channel',
            'reason': coalesce('not one of email, phone, meeting, chat, letter, sms, social: '
                               || import_show(channel), 'required')} END,
        CASE WHEN bad_kind THEN {'k': 5, 'col': 'kind',
            'reason': coalesce('not one of request, urgent_request, revision_request, scope_change, complaint, '
                               || 'escalation, praise, other: ' || import_show(kind), 'required')} END,
        CASE WHEN bad_sentiment THEN {'k': 6, 'col': 'sentiment',
            'reason': CASE WHEN sv IS NULL THEN 'not a number: ' || import_show(sentiment)
                           ELSE 'must be between -1 and 1: ' || import_show(sentiment) END} END
    ], lambda p: p IS NOT NULL)) AS p
    FROM flags
    WHERE no_client OR bad_client OR bad_at OR bad_channel OR bad_kind OR bad_sentiment
)
SELECT line, p.col AS "column", p.reason FROM problems ORDER BY line, p.k;
