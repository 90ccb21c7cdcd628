-- connector: what an invoice export left out or assumed, for the summary: drafts skipped, invoices
-- with no client skipped (and their first lines), due dates assumed, payment dates assumed, and
-- invoices paid in part (split into a paid and an unpaid row).
SELECT count(*) FILTER (WHERE skip = 'draft') AS drafts,
       count(*) FILTER (WHERE skip = 'no client') AS no_client,
       coalesce(list(line ORDER BY line) FILTER (WHERE skip = 'no client'), [])[1:5] AS no_client_lines,
       count(*) FILTER (WHERE skip IS NULL AND due_assumed) AS due_assumed,
       count(*) FILTER (WHERE skip IS NULL AND paid_on_assumed) AS paid_on_assumed,
       count(*) FILTER (WHERE skip IS NULL AND paid_amt > 0 AND paid_amt < amount) AS partly_paid
FROM src_bills;
