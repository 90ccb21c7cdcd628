-- connector (inside the write transaction): the rows about to be written dated after $today (a typo
-- in the year, most often): how many lines, the first line and the latest date. Kept, and said.
SELECT count(DISTINCT line), min(line), max(CAST(issued AS DATE)) FROM src_bill_rows WHERE CAST(issued AS DATE) > $today;
