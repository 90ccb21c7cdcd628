-- What the given clients still owe as of a date, oldest first: for the final-invoice step and the
-- letter. Each amount in the invoice's own currency and converted to the portfolio's ($currency,
-- $rate_codes, $rate_values), so totals never add two currencies. A credit note is never owed.
SELECT client_id, invoice_id, issued_on, due_on, amount::DOUBLE AS amount, currency,
       amount::DOUBLE * CASE WHEN currency IS NULL OR currency = $currency THEN 1.0
                             ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), currency)
                        END AS converted,
       greatest(0, date_diff('day', due_on, CAST($as_of AS DATE))) AS days_overdue
FROM invoices
WHERE list_contains($client_ids, client_id)
  AND issued_on <= CAST($as_of AS DATE)
  AND (paid_on IS NULL OR paid_on > CAST($as_of AS DATE))
  AND amount >= 0
ORDER BY client_id, due_on, invoice_id;
