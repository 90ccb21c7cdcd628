-- connector: what decided the activity of a time export's entries, for the summary: per activity, each
-- word or phrase that matched (and in which field: task, tag, note, or a mapped activity column), with
-- its entries and hours, most hours first, so the owner can correct the word lists.
SELECT activity, matched_field, matched_word, count(*) AS entries, sum(hours) AS hours
FROM src_rows
WHERE matched_word IS NOT NULL
GROUP BY activity, matched_field, matched_word
ORDER BY list_position(['delivery', 'revision', 'meeting', 'support', 'admin'], activity),
         sum(hours) DESC, matched_field, matched_word;
