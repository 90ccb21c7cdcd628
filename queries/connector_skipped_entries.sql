-- connector: the lines of a time export left out, per reason ('no client', 'no time'): how many,
-- their hours, and the first five lines, for the summary.
SELECT skip, count(*) AS n, coalesce(sum(hours), 0) AS hours, list(line ORDER BY line)[1:5] AS lines
FROM src_entries
WHERE skip IS NOT NULL
GROUP BY skip
ORDER BY skip;
