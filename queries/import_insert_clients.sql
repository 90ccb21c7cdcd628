-- import (inside the write transaction): clients the folder lists that are not in the database yet,
-- typed; an empty notice_days means 30. A client merged into another is not re-created.
INSERT INTO client_rows (client_id, name, started_on, ended_on, referred_by, industry, notice_days,
                         domain, source, seen_from)
SELECT s.client_id, s.name, import_date(s.started_on), import_date(s.ended_on),
       coalesce(a.client_id, s.referred_by), s.industry, coalesce(import_int(s.notice_days), 30),
       lower(s.domain), 'folder', NULL
FROM stg_clients s
JOIN folder_clients f ON f.folder_id = s.client_id
LEFT JOIN client_aliases a ON a.kind = 'id' AND a.alias_key = s.referred_by
WHERE NOT f.merged AND s.client_id NOT IN (SELECT client_id FROM client_rows)
ORDER BY s.line;
