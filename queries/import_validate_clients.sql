-- import (inside the write transaction, after --replace has cleared what it clears): every problem
-- in the staged clients file as (line, column, reason), in file order; none = valid. $clients_file
-- names the file in messages. A referral may name a client in this folder or one in the database
-- (or one merged into another, client_aliases kind 'id'). $mailbox_domains: health_tui/domains.py.
WITH c AS (
    SELECT *,
           import_date(started_on) AS started,
           import_date(ended_on) AS ended,
           min(line) OVER (PARTITION BY client_id) AS first_line
    FROM stg_clients
),
problems (line, k, col, reason) AS (
    SELECT line, 1, 'client_id', 'required' FROM c WHERE client_id IS NULL
    UNION ALL
    SELECT line, 2, 'client_id', 'duplicate id ' || import_show(client_id) || ' (first on line ' || first_line || ')'
    FROM c WHERE client_id IS NOT NULL AND line > first_line
    UNION ALL
    SELECT line, 3, 'name', 'required' FROM c WHERE name IS NULL
    UNION ALL
    SELECT line, 4, 'started_on', coalesce('not a date: ' || import_show(started_on), 'required')
    FROM c WHERE started IS NULL
    UNION ALL
    SELECT line, 5, 'ended_on', 'not a date: ' || import_show(ended_on)
    FROM c WHERE ended_on IS NOT NULL AND ended IS NULL
    UNION ALL
    SELECT line, 6, 'ended_on', 'before started_on (' || started || ')' FROM c WHERE ended < started
    UNION ALL
    SELECT line, 7, 'referred_by', 'a client cannot refer itself' FROM c WHERE referred_by = client_id
    UNION ALL
    SELECT line, 8, 'referred_by', 'no client ' || import_show(referred_by) || ' in ' || $clients_file
           || ' or in the database'
    FROM c
    WHERE referred_by IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM stg_clients s WHERE s.client_id = c.referred_by)
      AND NOT EXISTS (SELECT 1 FROM client_rows d WHERE d.client_id = c.referred_by)
      AND NOT EXISTS (SELECT 1 FROM client_aliases a WHERE a.kind = 'id' AND a.alias_key = c.referred_by)
    UNION ALL
    SELECT line, 9, 'notice_days', 'not a whole number of days >= 0: ' || import_show(notice_days)
    FROM c WHERE notice_days IS NOT NULL AND coalesce(import_int(notice_days) < 0, true)
    UNION ALL
    SELECT line, 10, 'domain', 'not a web domain (like acme.com): ' || import_show(domain)
    FROM c WHERE domain IS NOT NULL
      AND NOT regexp_full_match(lower(domain), '([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}')
    UNION ALL
    SELECT line, 11, 'domain', 'a mailbox provider''s domain (' || bare || '): every ticket '
           || 'and survey answer from anyone writing from it would land on this client; leave it '
           || 'empty, or give the client''s own domain'
    FROM (  -- as tickets are matched (connector_domain): no 'www.', no trailing dot
        SELECT line, rtrim(regexp_replace(lower(trim(domain)), '^www\.', ''), '.') AS bare FROM c
        WHERE regexp_full_match(lower(domain), '([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}')
    )  -- one that is no web domain at all is said once, above
    WHERE list_contains($mailbox_domains, bare)
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
