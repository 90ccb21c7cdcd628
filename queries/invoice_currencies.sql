-- The currencies stored invoices are in, with how many invoices each (none = the portfolio's own).
SELECT currency, count(*) AS invoices
FROM invoices
WHERE currency IS NOT NULL
GROUP BY currency
ORDER BY currency;
