-- import (inside the write transaction): the validated time entries, typed; activity in lower case;
-- the billable and cost amounts with their currency (upper case; none: the portfolio's, $home,
-- stored as such), if any; the cost amount's own currency (cost_currency) where it is not theirs.
-- Each row's source is the folder, its identity there the client_id it was listed under.
INSERT INTO time_entries (client_id, "date", hours, billable, activity, person, note, source, source_key,
                          billable_amount, cost_amount, amount_currency, cost_currency)
SELECT f.client_id, import_date(s."date"), import_number(s.hours), import_bool(s.billable),
       lower(s.activity), s.person, s.note, 'folder', s.client_id,
       import_amount(s.billable_amount), import_amount(s.cost_amount),
       CASE WHEN s.billable_amount IS NOT NULL OR s.cost_amount IS NOT NULL THEN coalesce(upper(s.currency), $home) END,
       CASE WHEN s.cost_amount IS NOT NULL AND upper(s.cost_currency) <> coalesce(upper(s.currency), $home)
            THEN upper(s.cost_currency) END
FROM stg_time_entries s
JOIN folder_clients f ON f.folder_id = s.client_id
ORDER BY s.rowid;
