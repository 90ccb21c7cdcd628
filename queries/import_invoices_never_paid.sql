-- import (inside the write transaction): how many invoices this folder wrote, and how many of them
-- have a paid_on. None paid at all (no paid_on column, or an empty one) is said: every invoice then
-- counts as unpaid, and as overdue once due, the trap a single invoice export is refused for.
-- Also those paid before they were issued (not credit notes, settled when issued), the first by
-- issue date with its dates: a deposit paid ahead, or a mistyped date; counted as paid on time.
SELECT count(*) AS invoices, count(paid_on) AS paid,
       count(*) FILTER (WHERE paid_on < issued_on AND amount >= 0) AS early,
       arg_min([invoice_id, CAST(paid_on AS VARCHAR), CAST(issued_on AS VARCHAR)], CAST(issued_on AS VARCHAR) || chr(31) || invoice_id)
           FILTER (WHERE paid_on < issued_on AND amount >= 0) AS first_early
FROM invoices
WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients);
