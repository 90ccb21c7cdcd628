-- import (inside the write transaction): the validated interactions, typed; channel and kind in lower
-- case. Source: the folder, keyed by the client_id it was listed under.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note, source, source_key)
SELECT f.client_id, import_timestamp(s."at"), lower(s.channel), lower(s.kind), import_number(s.sentiment),
       s.note, 'folder', s.client_id
FROM stg_interactions s
JOIN folder_clients f ON f.folder_id = s.client_id
ORDER BY s.rowid;
