-- What the given clients still owe as of a date, oldest first: for the final-invoice step and the
-- letter. Each amount in the invoice's own currency and converted to the portfolio's ($currency,
-- $rate_codes, $rate_values), so totals never add two currencies. A credit note is never owed.
-- What is owed is what the invoice says: with tax where the export gave it (amount_with_tax).
SELECT client_id, invoice_id, issued_on, due_on,
       coalesce(amount_with_tax, amount)::DOUBLE AS amount, currency,
       amount_with_tax IS NOT NULL AS with_tax,
       coalesce(amount_with_tax, amount)::DOUBLE * CASE WHEN currency IS NULL OR currency = $currency THEN 1.0
                             ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), currency)
                        END AS converted,
       greatest(0, date_diff('day', due_on, CAST($as_of AS DATE))) AS days_overdue,
       seen_on  -- the day the import showing it unpaid ran (migrate_014): nothing since, after it
FROM invoices
WHERE list_contains($client_ids, client_id)
  AND issued_on <= CAST($as_of AS DATE)
  AND (paid_on IS NULL OR paid_on > CAST($as_of AS DATE))
  AND amount >= 0
ORDER BY client_id, due_on, invoice_id;
