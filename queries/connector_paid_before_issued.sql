-- connector: the invoices of the export (src_bill_rows) paid before they were issued, credit notes
-- aside (settled when issued): how many, and the first in the file with its line and dates. Kept
-- and counted as paid on time (a deposit is paid ahead); said, as a mistyped date hides a late payer.
SELECT count(*) AS n,
       min(line) AS line,
       arg_min(invoice_id, line) AS invoice_id,
       arg_min(paid, line) AS paid_on,
       arg_min(issued, line) AS issued_on
FROM src_bill_rows
WHERE paid < issued AND amount >= 0;
