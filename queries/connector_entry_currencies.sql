-- connector: the currencies of the billable and cost amounts of the time entries about to be written,
-- with how many entries each (none = the portfolio's own), for the check that every one converts.
SELECT amount_currency AS currency, count(*) AS entries
FROM src_rows
WHERE amount_currency IS NOT NULL
GROUP BY ALL
ORDER BY 1;
