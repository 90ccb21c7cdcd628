-- bench: $rows synthetic rows of a Toggl Track detailed report, written to $path as CSV with the
-- export's header, for bench/bench_toggl.py: 25 people, 2,000 clients, three years of dates, a mix of
-- tasks and tags the activity words classify, durations as hh:mm:ss, some quoted commas, an Amount.
COPY (
    SELECT 'Person ' || (i % 25) AS "User",
           'p' || (i % 25) || '@studio.example' AS "Email",
           'Client ' || (i % 2000) AS "Client",
           'Project ' || (i % 5000) AS "Project",
           CASE i % 10 WHEN 0 THEN 'Revisions' WHEN 1 THEN 'Meeting' WHEN 2 THEN 'Support'
                       WHEN 3 THEN '' ELSE 'Design' END AS "Task",
           'Work item ' || i || CASE WHEN i % 50 = 0 THEN ', with a comma' ELSE '' END AS "Description",
           CASE WHEN i % 7 = 0 THEN 'No' ELSE 'Yes' END AS "Billable",
           strftime(DATE '2023-01-01' + CAST(i % 1095 AS INTEGER), '%Y-%m-%d') AS "Start date",
           printf('%02d:%02d:00', 8 + i % 9, (i * 7) % 60) AS "Start time",
           strftime(DATE '2023-01-01' + CAST(i % 1095 AS INTEGER), '%Y-%m-%d') AS "End date",
           '' AS "End time",
           printf('%02d:%02d:%02d', s // 3600, s % 3600 // 60, s % 60) AS "Duration",
           CASE i % 13 WHEN 0 THEN 'call' WHEN 1 THEN 'rework, urgent' ELSE '' END AS "Tags",
           round(s / 3600 * 95, 2) AS "Amount (EUR)"
    FROM (SELECT i, 900 + (i * 37) % 14400 AS s FROM range($rows) t(i))
) TO $path (FORMAT csv, HEADER true);
