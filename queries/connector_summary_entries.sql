-- connector: what a time export brings, per activity: entries, hours, and how many of them (and how
-- many hours) no activity word matched, so they got the default activity.
SELECT activity, count(*) AS entries, sum(hours) AS hours,
       count(*) FILTER (WHERE unmatched) AS unmatched,
       coalesce(sum(hours) FILTER (WHERE unmatched), 0) AS unmatched_hours
FROM src_rows
GROUP BY activity
ORDER BY list_position(['delivery', 'revision', 'meeting', 'support', 'admin'], activity);
