-- connector: the parsed time export (src_entries, skipped lines left out) as rows ready for
-- time_entries: the client_id from src_clients, the activity, whether a word matched, and the
-- source_key.
-- Activity: the one the export gives (a mapped activity column), else the first word of
-- import_activity_words found in the Task, else in the Tags, else in the note; within a field the
-- lowest rank wins. No match: $default_activity, and unmatched is true.
-- source_key: md5 of key_base and the entry's number among the lines with that key_base, in file
-- order. Two identical entries on one day are two entries; an overlapping export that holds that day
-- holds both, numbered the same, so each replaces its twin instead of being added again.
CREATE OR REPLACE TEMP TABLE src_rows AS
WITH e AS (
    SELECT * FROM src_entries WHERE skip IS NULL
),
texts AS (
    SELECT line, billable, connector_words(task) AS t, connector_words(tags) AS g, connector_words(note) AS n
    FROM e
    WHERE activity_given IS NULL
),
hits AS (
    SELECT x.line,
           arg_min(w.activity, CASE WHEN contains(x.t, w.word) THEN 0
                                    WHEN contains(x.g, w.word) THEN 1000
                                    ELSE 2000 END + w.rank) AS activity
    FROM texts x
    JOIN import_activity_words w
      ON (contains(x.t, w.word) OR contains(x.g, w.word) OR contains(x.n, w.word))
     AND (NOT w.non_billable_only OR NOT x.billable)
    GROUP BY x.line
)
SELECT e.line,
       c.client_id,
       e.day,
       e.hours,
       e.billable,
       coalesce(e.activity_given, h.activity, $default_activity) AS activity,
       e.activity_given IS NULL AND h.activity IS NULL AS unmatched,
       e.person,
       e.note,
       md5(e.key_base || chr(31) || row_number() OVER (PARTITION BY e.key_base ORDER BY e.line)) AS source_key
FROM e
JOIN src_clients c USING (client_key)
LEFT JOIN hits h USING (line);
