-- connector: on an invoice export refused for its rows, the currencies of its invoices, as
-- connector_currencies counts them once the rows are written out (an invoice paid in part, or listed
-- with its line items, is one; one with no ID yet is one of its own), for the refusal to say the
-- rates the settings lack as well: one fix then sees both. An invoice whose amount cannot be read
-- is counted, though fixed it may prove written off and need no rate.
SELECT currency,
       count(DISTINCT key_base) FILTER (WHERE invoice_id IS NOT NULL)
           + count(*) FILTER (WHERE invoice_id IS NULL) AS invoices
FROM src_bills
WHERE skip IS NULL AND currency IS NOT NULL
GROUP BY ALL
ORDER BY 1;
