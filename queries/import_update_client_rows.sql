-- import (inside the write transaction): clients the folder lists that are already in the database
-- take the folder's values, and the folder owns their row from now on. A referral to a merged client
-- points at the client it was merged into. seen_from (what exports saw) is kept.
UPDATE client_rows
SET name = s.name,
    started_on = import_date(s.started_on),
    ended_on = import_date(s.ended_on),
    referred_by = coalesce(a.client_id, s.referred_by),
    industry = s.industry,
    notice_days = coalesce(import_int(s.notice_days), 30),
    domain = lower(s.domain),
    source = 'folder'
FROM stg_clients s
JOIN folder_clients f ON f.folder_id = s.client_id
LEFT JOIN client_aliases a ON a.kind = 'id' AND a.alias_key = s.referred_by
WHERE client_rows.client_id = f.client_id AND NOT f.merged;
