-- import (inside the write transaction): the validated time entries, typed; activity in lower case.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note)
SELECT client_id, import_date("date"), import_number(hours), import_bool(billable), lower(activity),
       person, note
FROM stg_time_entries
ORDER BY line;
