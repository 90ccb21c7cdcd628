-- import (inside the write transaction): the validated time entries, typed; activity in lower case.
-- Each row's source is the folder, its identity there the client_id it was listed under.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key)
SELECT f.client_id, import_date(s."date"), import_number(s.hours), import_bool(s.billable),
       lower(s.activity), s.person, s.note, 'folder', s.client_id
FROM stg_time_entries s
JOIN folder_clients f ON f.folder_id = s.client_id
ORDER BY s.line;
