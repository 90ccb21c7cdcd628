-- connector: on a time export refused for its rows, the currencies its entries' amounts are in, as
-- connector_entry_currencies counts them once the rows are classified (an amount, or a cost above 0),
-- and an amount that cannot be read yet counts too (fixed, it will be one), for the refusal to say
-- the rates the settings lack as well: one fix then sees both.
SELECT currency, count(*) AS entries
FROM src_entries
WHERE skip IS NULL AND currency IS NOT NULL
  AND (billable_amt IS NOT NULL OR cost_amt > 0
       OR (billable_amt IS NULL AND billable_amount_text IS NOT NULL)
       OR (cost_amt IS NULL AND cost_amount_text IS NOT NULL))
GROUP BY ALL
ORDER BY 1;
