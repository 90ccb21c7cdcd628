-- connector: problems with the clients an export names (src_clients) as (line, column, reason), at the
-- first line naming each: a name that matches several clients already in the database, or whose
-- derived client_id is taken by a client of another name (said with the alias that lets imports find
-- it: a client renamed since the name was written, as an import --replace once could).
SELECT first_line AS line, 'client' AS "column",
       CASE WHEN matches > 1
            THEN import_show(s.name) || ' matches ' || matches || ' clients in the database (' || ids
                 || '); merge them first (health-tui clients merge ' || replace(ids, ', ', ' ') || ')'
            ELSE 'the client_id ' || import_show(client_id) || ' it would get belongs to '
                 || import_show(c.name) || '; if they are one client, `health-tui clients alias '
                 || client_id || ' ' || import_show(s.name)
                 || '` lets imports find it (there is no command to rename a client)'
       END AS reason
FROM src_clients s
LEFT JOIN client_rows c USING (client_id)
WHERE matches > 1 OR id_taken
ORDER BY first_line;
