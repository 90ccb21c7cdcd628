-- The currencies of stored time entries' billable and cost amounts, with how many entries each (none
-- = the portfolio's own), for the check that every one still converts before scoring.
SELECT amount_currency AS currency, count(*) AS entries
FROM time_entries
WHERE amount_currency IS NOT NULL
GROUP BY amount_currency
ORDER BY amount_currency;
