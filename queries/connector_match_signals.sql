-- connector (inside the write transaction): the client of each row of an export of interactions or
-- feedback (connector_signal_rows), found, never made: the client whose name or alias is the row's
-- client (case, accents and spacing aside), else the client whose domain (the owner's fact, or the
-- folder's) is the row's domain or holds it (mail.acme.com is acme.com's; the longest domain held
-- wins, so a client of its own at eu.acme.com keeps its rows). A row no client answers to has no client_id (left out, with a
-- warning listing who). name_n / domain_n > 1: the name or domain belongs to several clients
-- (connector_validate_matches).
CREATE OR REPLACE TEMP TABLE src_matches AS
WITH names AS (
    SELECT name_key(name) AS k, client_id FROM client_rows
    UNION
    -- an alias outlives its client (the owner's, kept through a --replace that removed the
    -- client): it names no one until an import brings the client back
    SELECT alias_key, client_id FROM client_aliases
    WHERE kind = 'name' AND client_id IN (SELECT client_id FROM client_rows)
),
by_name AS (
    SELECT k, min(client_id) AS client_id, count(DISTINCT client_id) AS n,
           string_agg(DISTINCT client_id, ', ' ORDER BY client_id) AS ids
    FROM names
    GROUP BY k
),
by_domain AS (
    SELECT connector_domain("domain") AS d, min(client_id) AS client_id, count(DISTINCT client_id) AS n,
           string_agg(DISTINCT client_id, ', ' ORDER BY client_id) AS ids
    FROM clients
    WHERE connector_domain("domain") IS NOT NULL
    GROUP BY 1
),
-- each row's domain and the domains holding it: mail.acme.com, acme.com, com
suffixes AS (
    SELECT k, unnest(list_transform(range(len(string_split(k, '.'))),
                                    lambda i: array_to_string(string_split(k, '.')[i + 1:], '.'))) AS d
    FROM (SELECT DISTINCT domain_key AS k FROM connector_signal_rows WHERE domain_key IS NOT NULL)
),
held AS (
    SELECT s.k, arg_max(s.d, length(s.d)) AS d
    FROM suffixes s JOIN by_domain b ON b.d = s.d
    -- a domain under which anyone registers (co.uk, com.au) held as a client's would collect
    -- every firm's tickets beneath it: it matches itself only
    WHERE s.d = s.k OR NOT regexp_full_match(s.d, '(co|com|org|net|gov|ac|edu|ltd|plc|nhs|sch|or|ne|go)\.[a-z]{2}')
    GROUP BY s.k
)
-- a row with no name of a client but an address the owner gave a client as an alias (a contact
-- writing from gmail.com) is that client's, before its domain's
SELECT r.line, r.client, r.client_key, r.domain_key, r.domain_col,
       coalesce(n.client_id, a.client_id, d.client_id) AS client_id,
       CASE WHEN n.client_id IS NOT NULL THEN 'name' WHEN a.client_id IS NOT NULL THEN 'address'
            WHEN d.client_id IS NOT NULL THEN 'domain' END AS found_by,
       coalesce(n.n, 0) AS name_n, n.ids AS name_ids,
       CASE WHEN n.client_id IS NULL AND a.client_id IS NULL THEN coalesce(d.n, 0) ELSE 0 END AS domain_n,
       d.ids AS domain_ids
FROM connector_signal_rows r
LEFT JOIN by_name n ON n.k = r.client_key
LEFT JOIN by_name a ON n.client_id IS NULL AND a.k = r.address_key AND a.n = 1
LEFT JOIN held h ON h.k = r.domain_key
LEFT JOIN by_domain d ON d.d = h.d;
