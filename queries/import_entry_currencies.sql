-- import: the currencies of the folder's time entries that have a billable or cost amount (and of
-- a cost amount in a currency of its own), with how many entries each (none = the portfolio's
-- own), for the check that every one converts (also run on a folder refused for its rows, where a
-- code not of three letters is a problem of its own).
SELECT currency, count(*) AS entries
FROM (SELECT upper(currency) AS currency FROM stg_time_entries
      WHERE regexp_full_match(currency, '[A-Za-z]{3}') AND (billable_amount IS NOT NULL OR cost_amount IS NOT NULL)
      UNION ALL
      SELECT upper(cost_currency) FROM stg_time_entries
      WHERE regexp_full_match(cost_currency, '[A-Za-z]{3}') AND cost_amount IS NOT NULL
        AND upper(cost_currency) IS DISTINCT FROM upper(currency))
GROUP BY ALL
ORDER BY 1;
