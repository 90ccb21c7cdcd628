-- connector (inside the write transaction): the rows about to be written dated after $today (a typo
-- in the year, most often): how many lines, the first line and the latest date. Kept, and said.
SELECT count(*), min(line), max(CAST("at" AS DATE)) FROM src_touch_rows WHERE CAST("at" AS DATE) > $today;
