-- import (inside the write transaction): the validated invoices, typed; currency in upper case, and
-- none is the portfolio's ($home), stored as such: a later change of the portfolio's currency converts
-- it rather than reading it as the new one.
-- A negative amount is a credit note. Source: the folder, keyed by the client_id it was listed under.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency, source, source_key)
SELECT s.invoice_id, f.client_id, import_date(s.issued_on), import_date(s.due_on), import_date(s.paid_on),
       import_amount(s.amount), coalesce(upper(s.currency), $home), 'folder', s.client_id
FROM stg_invoices s
JOIN folder_clients f ON f.folder_id = s.client_id
ORDER BY s.rowid;
