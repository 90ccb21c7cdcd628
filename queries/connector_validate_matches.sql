-- connector: problems with the clients an export of interactions or feedback names (src_matches) as
-- (line, column, reason), at the first line naming each: a name several clients answer to, or a
-- domain several clients have (at the column it came from: a domain or an email).
SELECT min(line) AS line, 'client' AS "column",
       import_show(arg_min(client, line)) || ' matches ' || any_value(name_n) || ' clients in the database ('
       || any_value(name_ids) || '); merge them first (health-tui clients merge '
       || replace(any_value(name_ids), ', ', ' ') || ')' AS reason
FROM src_matches
WHERE name_n > 1
GROUP BY client_key
UNION ALL
SELECT min(line), arg_min(domain_col, (line, domain_col)),
       import_show(domain_key) || ' is the domain of ' || any_value(domain_n) || ' clients ('
       || any_value(domain_ids) || '); give it to one of them (health-tui clients domain CLIENT DOMAIN)'
FROM src_matches
WHERE domain_n > 1
GROUP BY domain_key
ORDER BY line;
