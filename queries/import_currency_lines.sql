-- import: where each currency of the staged invoices, and of the time entries with an amount, is
-- first found ($invoices_line, $entries_line: the line of each file's first row), with how many
-- rows are in it: a refusal for a currency with no rate says on which line (a lone EUR among
-- GBP invoices is most likely a typo, not a currency to add a rate for).
SELECT 'invoices' AS tbl, upper(currency) AS currency, min(rowid) + $invoices_line AS line,
       count(*) AS n
FROM stg_invoices
WHERE regexp_full_match(currency, '[A-Za-z]{3}')
GROUP BY ALL
UNION ALL
SELECT 'time_entries', currency, min(rowid) + $entries_line, count(*)
FROM (SELECT rowid, upper(currency) AS currency FROM stg_time_entries
      WHERE regexp_full_match(currency, '[A-Za-z]{3}') AND (billable_amount IS NOT NULL OR cost_amount IS NOT NULL)
      UNION ALL  -- a cost amount's own currency (cost_currency)
      SELECT rowid, upper(cost_currency) FROM stg_time_entries
      WHERE regexp_full_match(cost_currency, '[A-Za-z]{3}') AND cost_amount IS NOT NULL
        AND upper(cost_currency) IS DISTINCT FROM upper(currency))
GROUP BY ALL
ORDER BY 1, 3;
