-- One client's invoices issued up to a date, newest first, with how late each was paid (or is, if
-- still unpaid at that date) and what remains unpaid, in the invoice's own currency and converted to
-- the portfolio's ($currency, $rate_codes, $rate_values). A credit note (negative amount) is settled
-- when issued: never late or unpaid. Params: $client_id, $as_of, $limit.
-- (days_late NULL: paid on a day its export did not give.) The amount is without tax (revenue); what
-- is unpaid is what the invoice says, with tax where the export gave it (amount_with_tax), as the
-- exit checklist and the letter say it (a Sydney firm's client screen read AUD 6,000 owed where the
-- checklist said 6,600).
WITH i AS (
    SELECT *,
           amount < 0 AS credit,
           CASE WHEN currency IS NULL OR currency = $currency THEN 1.0
                ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), currency)
           END AS rate
    FROM invoices
    WHERE client_id = $client_id
      AND issued_on <= CAST($as_of AS DATE)
)
SELECT
    invoice_id,
    issued_on,
    due_on,
    CASE WHEN credit THEN issued_on WHEN paid_on <= CAST($as_of AS DATE) THEN paid_on END AS paid_on,
    CAST(amount AS DOUBLE) AS amount,
    currency,
    CAST(amount AS DOUBLE) * rate AS converted,
    CASE
        WHEN credit THEN 0
        -- paid on a day its export did not give (queries/migrate_013.sql): how late is not known
        WHEN paid_on <= CAST($as_of AS DATE) AND coalesce(paid_on_assumed, false) THEN NULL
        WHEN paid_on <= CAST($as_of AS DATE) THEN greatest(date_diff('day', due_on, paid_on), 0)
        ELSE greatest(date_diff('day', due_on, CAST($as_of AS DATE)), 0)
    END AS days_late,
    CASE WHEN credit OR paid_on <= CAST($as_of AS DATE) THEN 0.0
         ELSE CAST(coalesce(amount_with_tax, amount) AS DOUBLE) END AS unpaid,
    CASE WHEN credit OR paid_on <= CAST($as_of AS DATE) THEN 0.0
         ELSE CAST(coalesce(amount_with_tax, amount) AS DOUBLE) * rate END AS unpaid_converted,
    amount_with_tax IS NOT NULL AND amount_with_tax <> amount AS taxed
FROM i
ORDER BY issued_on DESC, invoice_id DESC
LIMIT $limit;
