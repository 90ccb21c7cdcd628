-- The currencies of stored time entries' billable and cost amounts (a cost's own where it has one),
-- with how many entries each (none = the portfolio's own), for the check that every one still
-- converts before scoring.
SELECT currency, count(*) AS entries
FROM (SELECT amount_currency AS currency FROM time_entries WHERE amount_currency IS NOT NULL
      UNION ALL
      SELECT cost_currency FROM time_entries
      WHERE cost_currency IS NOT NULL AND cost_currency IS DISTINCT FROM amount_currency)
GROUP BY ALL
ORDER BY 1;
