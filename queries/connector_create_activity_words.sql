-- connector: the activity words of the settings ([activities]) as a temp table, one row per word:
-- $activities, $ranks, $words and $non_billable are lists of one length, zipped. rank is the order
-- the lists are tried in; a non_billable_only word (admin's) matches non-billable entries only.
CREATE OR REPLACE TEMP TABLE import_activity_words AS
SELECT activity, rank, rtrim(connector_words(word)) AS word, non_billable_only
FROM (
    SELECT unnest($activities::VARCHAR[]) AS activity, unnest($ranks::INTEGER[]) AS rank,
           unnest($words::VARCHAR[]) AS word, unnest($non_billable::BOOLEAN[]) AS non_billable_only
)
WHERE trim(connector_words(word)) <> '';
