-- connector: what an export of interactions assumed, for the summary: the channels as written that
-- were taken as the default channel, and the satisfaction ratings no sentiment is known for, each
-- with how many rows.
SELECT 'channel' AS what, channel_text AS value, count(*) AS n
FROM src_touches
WHERE skip IS NULL AND channel_assumed
GROUP BY ALL
UNION ALL
SELECT 'rating', rating_text, count(*)
FROM src_touches
WHERE skip IS NULL AND rating_unknown
GROUP BY ALL
ORDER BY what, n DESC, value;
