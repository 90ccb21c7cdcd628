-- The currencies stored invoices are in, with how many invoices each (none = the portfolio's own):
-- an invoice paid in part is two rows (ID and ID-unpaid), counted once, as the owner's invoice list
-- has it.
SELECT currency,
       count(DISTINCT (source, CASE WHEN invoice_id LIKE '%-unpaid' AND source <> 'folder'
                                    THEN invoice_id[:-8] ELSE invoice_id END)) AS invoices
FROM invoices
WHERE currency IS NOT NULL
GROUP BY currency
ORDER BY currency;
