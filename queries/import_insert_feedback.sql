-- import (inside the write transaction): the validated feedback scores, typed. Source: the folder,
-- keyed by the client_id it was listed under.
INSERT INTO feedback (client_id, "date", score, "comment", source, source_key)
SELECT f.client_id, import_date(s."date"), import_int(s.score), s."comment", 'folder', s.client_id
FROM stg_feedback s
JOIN folder_clients f ON f.folder_id = s.client_id
ORDER BY s.rowid;
