-- import: the currencies of the folder's invoices, with how many invoices each (none = the
-- portfolio's own), for the check that every one converts.
SELECT upper(currency) AS currency, count(*) AS invoices
FROM stg_invoices
WHERE currency IS NOT NULL
GROUP BY ALL
ORDER BY 1;
