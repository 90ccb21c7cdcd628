-- import: the currencies of the folder's invoices, with how many invoices each (none = the
-- portfolio's own), for the check that every one converts
-- (also run on a folder refused for its rows, where a code not of three letters is a problem of its
-- own).
SELECT upper(currency) AS currency, count(*) AS invoices
FROM stg_invoices
WHERE regexp_full_match(currency, '[A-Za-z]{3}')
GROUP BY ALL
ORDER BY 1;
