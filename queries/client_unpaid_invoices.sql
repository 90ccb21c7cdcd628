-- What the given clients still owe as of a date, oldest first: for the final-invoice step and the letter.
SELECT client_id, invoice_id, issued_on, due_on, amount::DOUBLE AS amount, currency,
       greatest(0, date_diff('day', due_on, CAST($as_of AS DATE))) AS days_overdue
FROM invoices
WHERE list_contains($client_ids, client_id)
  AND issued_on <= CAST($as_of AS DATE)
  AND (paid_on IS NULL OR paid_on > CAST($as_of AS DATE))
  AND amount >= 0  -- a credit note is never owed
ORDER BY client_id, due_on, invoice_id;
