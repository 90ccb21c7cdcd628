-- connector: an invoice export with a row per line item and no total of the invoice (a mapping's
-- line_items = "summed": FreshBooks' Invoice Details): the lines of one invoice (the same number,
-- client, dates, status and currency) are summed into its first, the others read as its lines. Lines
-- of one number that differ in any of those stay apart, for connector_validate_bills to refuse.
CREATE OR REPLACE TEMP TABLE src_bills AS
WITH w AS (
    SELECT *,
           min(line) OVER g AS first_line,
           sum(amount) OVER g AS s_amount,
           sum(paid_amt) OVER g AS s_paid,
           sum(open_amt) OVER g AS s_open,
           sum(with_tax) OVER g AS s_with_tax,
           sum(gross) OVER g AS s_gross,
           sum(paid_gross) OVER g AS s_paid_gross,
           sum(open_gross) OVER g AS s_open_gross,
           sum(tax_amt) OVER g AS s_tax,
           sum(tax1_amt) OVER g AS s_tax1,
           sum(tax2_amt) OVER g AS s_tax2,
           max(paid) OVER g AS s_paid_on
    FROM src_bills
    WINDOW g AS (PARTITION BY invoice_id, CASE WHEN invoice_id IS NULL THEN line END, client_key,
                              issued, due, paid_text, currency, status)
)
SELECT * EXCLUDE (first_line, s_amount, s_paid, s_open, s_with_tax, s_gross, s_paid_gross, s_open_gross,
                  s_tax, s_tax1, s_tax2, s_paid_on)
         REPLACE (s_amount AS amount, s_paid AS paid_amt, s_open AS open_amt,
                  CASE WHEN s_amount > 0 THEN greatest(s_amount - s_paid - s_open, 0) ELSE 0 END AS written_off,
                  s_with_tax AS with_tax, s_gross AS gross, s_paid_gross AS paid_gross,
                  s_open_gross AS open_gross, s_tax AS tax_amt, s_tax1 AS tax1_amt, s_tax2 AS tax2_amt,
                  CASE WHEN s_paid > 0 THEN s_paid_on END AS paid,
                  s_paid > 0 AND paid_text IS NULL AS paid_on_assumed,
                  CASE WHEN skip IN ('draft', 'no client') THEN skip
                       WHEN line <> first_line THEN 'line item'
                       WHEN s_amount > 0 AND s_paid = 0 AND s_open = 0 THEN 'written off' END AS skip)
FROM w
ORDER BY line;
