-- connector: the lines of an export of interactions or feedback left out before any client was looked
-- for, per reason ('no client', 'partial'): how many and the first five lines, for the summary.
SELECT skip, count(*) AS n, list(line ORDER BY line)[1:5] AS lines
FROM connector_skipped_rows
GROUP BY skip
ORDER BY skip;
