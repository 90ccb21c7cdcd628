-- import (inside the write transaction): the validated invoices, typed; currency in upper case.
INSERT INTO invoices (invoice_id, client_id, issued_on, due_on, paid_on, amount, currency)
SELECT invoice_id, client_id, import_date(issued_on), import_date(due_on), import_date(paid_on),
       import_amount(amount), upper(currency)
FROM stg_invoices
ORDER BY line;
