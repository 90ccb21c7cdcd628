-- connector (inside the write transaction): the rows about to be written dated after $today (a typo
-- in the year, most often): how many lines, the first line and the latest date. Kept, and said.
SELECT count(*), min(line), max(CAST(day AS DATE)) FROM src_rows WHERE CAST(day AS DATE) > $today;
