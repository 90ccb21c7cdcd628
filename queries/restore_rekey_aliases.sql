-- restore (inside its transaction, after client_aliases is read back): the name aliases keyed as this
-- version compares names (name_key, schema 11: every space a space, invisible characters out). A
-- backup from before keeps the key its version gave, which a no-break space in the alias made one no
-- lookup finds now. As the upgrade does (migrate_011): two alike are one, the later kept; one of
-- invisible characters only goes.
CREATE OR REPLACE TEMP TABLE client_aliases_rekeyed AS
SELECT kind, k AS alias_key, alias, client_id, created_at
FROM (SELECT *, CASE WHEN kind = 'name' THEN name_key(alias) ELSE alias_key END AS k FROM client_aliases)
WHERE k IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY kind, k ORDER BY created_at DESC, alias) = 1;
DELETE FROM client_aliases;
INSERT INTO client_aliases SELECT * FROM client_aliases_rekeyed;
DROP TABLE client_aliases_rekeyed;
