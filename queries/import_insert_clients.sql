-- import (inside the write transaction): the validated clients, typed; an empty notice_days means 30.
INSERT INTO clients (client_id, name, started_on, ended_on, referred_by, industry, notice_days)
SELECT client_id, name, import_date(started_on), import_date(ended_on), referred_by, industry,
       coalesce(import_int(notice_days), 30)
FROM stg_clients
ORDER BY line;
