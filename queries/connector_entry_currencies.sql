-- connector: the currencies of the billable and cost amounts of the time entries about to be written
-- (a cost's own where it has one), with how many entries each (none = the portfolio's own), for the
-- check that every one converts.
SELECT currency, count(*) AS entries
FROM (SELECT amount_currency AS currency FROM src_rows WHERE amount_currency IS NOT NULL
      UNION ALL
      SELECT cost_currency FROM src_rows
      WHERE cost_currency IS NOT NULL AND cost_currency IS DISTINCT FROM amount_currency)
GROUP BY ALL
ORDER BY 1;
