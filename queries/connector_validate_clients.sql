-- connector: problems with the clients an export names (src_clients) as (line, column, reason), at the
-- first line naming each: a name that matches several clients already in the database, or whose
-- derived client_id is taken by a client of another name.
SELECT first_line AS line, 'client' AS "column",
       CASE WHEN matches > 1
            THEN import_show(name) || ' matches ' || matches || ' clients in the database (' || ids
                 || '); merge them first (health-tui clients merge ' || replace(ids, ', ', ' ') || ')'
            ELSE 'the client_id ' || import_show(client_id) || ' it would get belongs to another client; '
                 || 'rename that client first'
       END AS reason
FROM src_clients
WHERE matches > 1 OR id_taken
ORDER BY first_line;
