-- connector: what an export of interactions brings, for the summary: per kind (and what decided it:
-- the tags, the priority, the ticket type, or nothing), per channel (and whether it was assumed),
-- and how many carry a satisfaction rating, as one row per combination with its count.
SELECT kind, kind_from, channel, channel_assumed, count(*) AS n, count(sentiment) AS rated
FROM src_touch_rows
GROUP BY ALL
ORDER BY ALL;
