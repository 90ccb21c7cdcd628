-- One client's invoices issued up to a date, newest first, with how late each was paid (or is, if
-- still unpaid at that date) and what remains unpaid. Params: $client_id, $as_of, $limit.
SELECT
    invoice_id,
    issued_on,
    due_on,
    CASE WHEN paid_on <= CAST($as_of AS DATE) THEN paid_on END AS paid_on,
    CAST(amount AS DOUBLE) AS amount,
    currency,
    CASE
        WHEN paid_on <= CAST($as_of AS DATE) THEN greatest(date_diff('day', due_on, paid_on), 0)
        ELSE greatest(date_diff('day', due_on, CAST($as_of AS DATE)), 0)
    END AS days_late,
    CASE WHEN paid_on <= CAST($as_of AS DATE) THEN 0.0 ELSE CAST(amount AS DOUBLE) END AS unpaid
FROM invoices
WHERE client_id = $client_id
  AND issued_on <= CAST($as_of AS DATE)
ORDER BY issued_on DESC, invoice_id DESC
LIMIT $limit;
