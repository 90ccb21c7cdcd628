-- connector: on a time export refused for its rows, the currencies its entries' amounts are in (as
-- connector_entry_currencies counts them once the rows are classified), for the refusal to say the
-- rates the settings lack too: one fix then sees both. A code connector_currency could not read is
-- a row's problem of its own.
SELECT currency, count(*) AS entries
FROM src_entries
WHERE skip IS NULL AND (billable_amt IS NOT NULL OR cost_amt > 0)
  AND regexp_full_match(currency, '[A-Z]{3}')
GROUP BY ALL
ORDER BY 1;
