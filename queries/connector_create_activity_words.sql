-- connector: the activity words and phrases of the settings ([activities]) as a temp table, one row
-- per word: $activities, $ranks, $words, $in_notes and $non_billable are lists of one length, zipped.
-- rank is the order the lists are tried in, pos the word's place in all of them (of two words of one
-- list that both match, the first listed is the one named); in_notes marks a phrase, looked for in the notes only (a
-- word is looked for in the Task and the Tags only); a non_billable_only one (admin's) matches
-- non-billable entries only. `spelled` is the word as the settings write it, for the summary.
CREATE OR REPLACE TEMP TABLE import_activity_words AS
SELECT activity, rank, pos, rtrim(words_of(word)) AS word, word AS spelled, in_notes, non_billable_only
FROM (
    SELECT unnest($activities::VARCHAR[]) AS activity, unnest($ranks::INTEGER[]) AS rank,
           unnest($words::VARCHAR[]) AS word, unnest($in_notes::BOOLEAN[]) AS in_notes,
           unnest($non_billable::BOOLEAN[]) AS non_billable_only,
           unnest(range(len($words::VARCHAR[]))) AS pos
)
WHERE trim(words_of(word)) <> '';
