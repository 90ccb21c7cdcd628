-- Schema 11: names are compared with every kind of space as a space, and without the characters no one
-- sees. A no-break space inside a name (Excel, a web page copied), a zero-width space, a soft hyphen, a
-- byte-order mark or a control character made "Bolt & Co" a second client that read the same on every
-- screen: `\s` covers the ASCII spaces only. Invisible format characters (Unicode Cf: zero-width
-- space, soft hyphen, BOM, direction marks) count as nothing; a run of spaces of any kind (Z:
-- no-break, narrow no-break, em, ideographic) and control characters (a tab, a bell) as one space.
CREATE OR REPLACE MACRO name_key(v) AS nullif(lower(trim(regexp_replace(regexp_replace(strip_accents(v),
    '\p{Cf}', '', 'g'), '[\s\p{Z}\p{Cc}]+', ' ', 'g'))), '');

-- The owner's name aliases keep their key (name_key of the alias as written): keyed again. Two that
-- now compare equal are one alias, the later kept, as giving an alias again keeps the later: where
-- the two named different clients (one spelling with a soft hyphen for one client, the plain one
-- for another), imports naming either now land on the later's client, which is what the plain
-- spelling, the one trackers write, already did. One of only invisible characters matched nothing
-- a name could hold, and goes.
CREATE TEMP TABLE client_aliases_011 AS
SELECT kind, k AS alias_key, alias, client_id, created_at
FROM (SELECT *, CASE WHEN kind = 'name' THEN name_key(alias) ELSE alias_key END AS k FROM client_aliases)
WHERE k IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY kind, k ORDER BY created_at DESC, alias) = 1;
DELETE FROM client_aliases;
INSERT INTO client_aliases SELECT * FROM client_aliases_011;
DROP TABLE client_aliases_011;
