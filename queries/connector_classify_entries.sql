-- connector: the parsed time export (src_entries, skipped lines left out) as rows ready for
-- time_entries: the client_id from src_clients, the activity, what decided it, and the source_key.
-- Activity: the one the export gives (a mapped activity column), else the first word of
-- import_activity_words found in the Task, else in the Tags, else the first phrase found in the note;
-- within a field the lowest rank wins, then the word listed first. No match: $default_activity, and unmatched is true.
-- matched_field ('activity', 'task', 'tag' or 'note') and matched_word (the word as the settings
-- spell it, or the mapped activity as the sheet writes it) say what decided it, for the summary.
-- Money: the billable and cost amounts and their currency (the cost's own where the export's is
-- not its: Harvest's), as the export gives them, except that a
-- Cost Amount of 0 on hours worked is no cost at all but a cost rate never set (Harvest writes 0.00
-- then): it is NULL, an unknown cost, so it never reads as free work.
-- source_key: md5 of key_base and the entry's number among the lines with that key_base, in file
-- order. Two identical entries on one day are two entries; an overlapping export that holds that day
-- holds both, numbered the same, so each replaces its twin instead of being added again.
-- work_key: md5 of work_base (key_base without the client) and the same number: the entry whatever
-- the tracker calls its client now, matched only on the same client (a rename once merged), so twins
-- of two clients never replace each other; source_client, the name (key) the export gives its client.
CREATE OR REPLACE TEMP TABLE src_rows AS
WITH e AS (
    SELECT * FROM src_entries WHERE skip IS NULL
),
texts AS (
    SELECT line, billable, words_of(task) AS t, words_of(tags) AS g, words_of(note) AS n
    FROM e
    WHERE activity_given IS NULL
),
-- the keys an earlier version may have given each entry (toggl_time_parse's legacy_bases), numbered
-- as source_key is: matched too when rows are replaced, so nothing keyed then is added twice
legacy AS (
    SELECT line, list(md5(b || chr(31) || n)) AS keys
    FROM (SELECT line, b, row_number() OVER (PARTITION BY b ORDER BY line) AS n
          FROM (SELECT line, unnest(legacy_bases) AS b FROM e))
    GROUP BY line
),
hits AS (
    SELECT x.line,
           arg_min({'activity': w.activity,
                    'field': CASE WHEN w.in_notes THEN 'note' WHEN contains(x.t, w.word) THEN 'task' ELSE 'tag' END,
                    'word': w.spelled},
                   (CASE WHEN w.in_notes THEN 2000 WHEN contains(x.t, w.word) THEN 0 ELSE 1000 END + w.rank)
                   * 100000 + w.pos) AS hit
    FROM texts x
    JOIN import_activity_words w
      ON CASE WHEN w.in_notes THEN contains(x.n, w.word) ELSE contains(x.t, w.word) OR contains(x.g, w.word) END
     AND (NOT w.non_billable_only OR NOT x.billable)
    GROUP BY x.line
)
SELECT e.line,
       c.client_id,
       e.day,
       e.hours,
       e.billable,
       coalesce(e.activity_given, h.hit.activity, $default_activity) AS activity,
       e.activity_given IS NULL AND h.hit IS NULL AS unmatched,
       CASE WHEN e.activity_given IS NOT NULL THEN 'activity' ELSE h.hit.field END AS matched_field,
       CASE WHEN e.activity_given IS NOT NULL THEN e.activity_text ELSE h.hit.word END AS matched_word,
       e.person,
       e.note,
       e.billable_amt AS billable_amount,
       CASE WHEN e.cost_amt > 0 THEN e.cost_amt END AS cost_amount,
       CASE WHEN e.billable_amt IS NOT NULL OR e.cost_amt > 0 THEN e.currency END AS amount_currency,
       CASE WHEN e.cost_amt > 0 THEN e.cost_currency END AS cost_currency,  -- NULL: amount_currency
       e.cost_amt = 0 AS cost_zero,
       md5(e.key_base || chr(31) || row_number() OVER (PARTITION BY e.key_base ORDER BY e.line)) AS source_key,
       md5(e.work_base || chr(31) || row_number() OVER (PARTITION BY e.key_base ORDER BY e.line)) AS work_key,
       e.client_key AS source_client,
       coalesce(lk.keys, []) AS legacy_keys
FROM e
JOIN src_clients c USING (client_key)
LEFT JOIN hits h USING (line)
LEFT JOIN legacy lk USING (line);
