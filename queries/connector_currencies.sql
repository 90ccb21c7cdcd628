-- connector: the currencies of the export's invoices about to be written, with how many invoices
-- each (none = the portfolio's own), for the check that every one converts.
SELECT currency, count(DISTINCT source_key) AS invoices
FROM src_bill_rows
WHERE currency IS NOT NULL
GROUP BY ALL
ORDER BY 1;
