-- connector: every problem in the parsed invoice export (src_bills) as (line, column, reason), in file
-- order; none = valid. Columns are the names harvest.py and mapping.py use (the caller shows them as
-- the header wrote them). A line with no client is refused for that alone; drafts are not checked
-- (an invoice written off whole is, though it is not loaded). $date_hint says which dates read;
-- $status_hint, after the statuses known, where to give the sheet's own ('' for a known export).
WITH b AS (
    SELECT *, min(line) OVER (PARTITION BY invoice_id) AS first_line
    FROM src_bills WHERE skip IS NULL OR skip = 'written off'
),
problems (line, k, col, reason) AS (
    -- an invoice bills a client: one with the client left blank was left out with a warning, and
    -- its amount with it from every revenue, while every other fault in a row refuses the file
    SELECT line, 0, 'client', 'required: an invoice names the client it bills'
    FROM src_bills WHERE skip = 'no client'
    UNION ALL
    SELECT line, 1, 'invoice_id', 'required' FROM b WHERE invoice_id IS NULL
    UNION ALL
    SELECT line, 2, 'invoice_id', 'duplicate id ' || import_show(invoice_id) || ' (first on line ' || first_line
               || CASE WHEN $summed THEN ') with another client, date, status or currency: the lines of one '
                                         || 'invoice, summed, must repeat them'
                       ELSE ') with other figures: lines of one invoice must repeat its client, dates and totals'
                            || CASE WHEN $mapped THEN ' (where each row is one line of its invoice, with an '
                                                      || 'amount of its own, add line_items = "summed" to the '
                                                      || 'mapping; where each is an instalment, due on its own '
                                                      || 'day, name its column beside the number: invoice_id = '
                                                      || '["Nº", "Parcela"])' ELSE '' END END
    FROM b WHERE invoice_id IS NOT NULL AND line > first_line
      -- summed: the first lines of invoices told apart (a line that does not read keeps its own apart)
      AND (NOT coalesce(CAST($summed AS BOOLEAN), false) OR lines_whole)
    UNION ALL
    SELECT line, 3, 'status',
           'not a status I know (draft, open, sent, viewed, late, overdue, partial, paid, closed, void)'
               || $status_hint || ': ' || import_show(status)
    FROM b WHERE status IS NOT NULL AND kind IS NULL
    UNION ALL
    SELECT line, 4, 'issued_on', coalesce('not a date ' || $date_hint || ': ' || import_show(issued_text), 'required')
    FROM b WHERE issued IS NULL
    UNION ALL
    SELECT line, 5, 'due_on', 'not a date ' || $date_hint || ': ' || import_show(due_text)
    FROM b WHERE due_text IS NOT NULL AND due IS NULL
    UNION ALL
    SELECT line, 6, 'due_on', 'before the issue date (' || issued || ')' FROM b WHERE due < issued
    UNION ALL
    SELECT line, 7, 'paid_on', 'not a date ' || $date_hint || ': ' || import_show(paid_text)
    FROM b WHERE paid_text IS NOT NULL AND connector_date(paid_text, $date_order, $date_format::VARCHAR) IS NULL
    UNION ALL
    -- a negative amount is a credit note (connector_bill_rows)
    -- a currency code written in the amount (EUR 1.234,56) is named: the fix is a column of its own
    SELECT line, 8, 'amount', CASE WHEN amount_text IS NULL THEN 'required'
                                   WHEN regexp_matches(amount_text, '(^|[^A-Za-z])[A-Za-z]{3}([^A-Za-z]|$)')
                                   THEN 'not an amount (like 1250.00), a currency code written in it: '
                                        || 'give the currency a column of its own, or under [fixed] in a '
                                        || 'mapping (currency = "EUR"): ' || import_show(amount_text)
                                   ELSE 'not an amount (like 1250.00): ' || import_show(amount_text) END
    FROM b WHERE amount IS NULL
    UNION ALL
    SELECT line, 9, 'paid_amount', 'not an amount (like 1250.00): ' || import_show(paid_amount_text)
    FROM b WHERE paid_amount_text IS NOT NULL AND paid_amt_given IS NULL
    UNION ALL
    SELECT line, 10, 'balance', 'not an amount (like 1250.00): ' || import_show(balance_text)
    FROM b WHERE balance_text IS NOT NULL AND balance_given IS NULL
    UNION ALL
    SELECT line, 11, CASE WHEN paid_amount_text IS NOT NULL THEN 'paid_amount' ELSE 'balance' END,
           CASE WHEN paid_amt < 0 AND $mapped AND with_tax_text IS NULL
                THEN 'the paid amount comes to less than 0: the balance is more than the amount ('
                     || amount || '); if the balance is with tax and the amount without (Reste à '
                     || 'payer beside Montant HT), name the total with tax as amount_with_tax '
                     || 'under [columns]'
                WHEN paid_amt < 0 THEN 'the paid amount comes to less than 0'
                ELSE 'the paid amount comes to more than the invoice amount (' || gross || ')' END
    FROM b WHERE amount >= 0 AND (paid_amt < 0 OR paid_amt > amount)
    UNION ALL
    SELECT line, 11, 'balance',
           'the paid amount and the balance come to more than the invoice amount (' || gross || ')'
    FROM b WHERE amount >= 0 AND paid_amt BETWEEN 0 AND amount AND balance_given IS NOT NULL
             AND paid_gross + balance_given > gross
             AND NOT paid_whole  -- paid in full, whatever amount paid it says beside (noted)
    UNION ALL
    SELECT line, 11, 'amount_with_tax',
           CASE WHEN with_tax IS NULL THEN 'not an amount (like 1250.00): ' || import_show(with_tax_text)
                ELSE 'less than the amount without tax (' || amount || '): '
                     || import_show(with_tax_text) END
    FROM b WHERE with_tax_text IS NOT NULL AND amount > 0 AND (with_tax IS NULL OR with_tax < amount)
    UNION ALL
    SELECT line, 11, 'tax',
           CASE WHEN tax1_amt IS NULL THEN 'not an amount (like 250.00): ' || import_show(tax_text)
                ELSE 'more than the amount with tax (' || with_tax || '): ' || import_show(tax_text)
                     || CASE WHEN tax2_text IS NOT NULL THEN ' and ' || import_show(tax2_text) ELSE '' END END
    FROM b WHERE tax_text IS NOT NULL
             AND (tax1_amt IS NULL OR (tax_amt IS NOT NULL AND abs(tax_amt) > abs(with_tax)))
    UNION ALL
    SELECT line, 12, 'tax2', 'not an amount (like 250.00): ' || import_show(tax2_text)
    FROM b WHERE tax2_text IS NOT NULL AND tax2_amt IS NULL
    UNION ALL
    SELECT line, 12, 'currency', 'not a currency (like EUR or Euro - EUR): ' || import_show(currency_text)
    FROM b WHERE currency_text IS NOT NULL AND currency IS NULL
    UNION ALL
    -- an amount written with a currency sign says its currency: never counted as another
    SELECT line, 13, 'amount',
           CASE WHEN currency_text IS NOT NULL
                THEN 'written in ' || CASE sign WHEN 'EUR' THEN '€' WHEN 'GBP' THEN '£' WHEN '$' THEN '$' ELSE sign END
                     || ' (' || import_show(amount_text) || ') while the currency is ' || currency
                     || ': correct the amount or its currency'
                WHEN $mapped
                THEN 'written in $ (' || import_show(amount_text) || ') with no currency column: '
                     || 'give it in the mapping under [fixed] (currency = "USD", or CAD, AUD...)'
                ELSE 'written in $ (' || import_show(amount_text) || ') with no currency column: '
                     || 'export the file with its Currency column'
           END
    FROM b
    WHERE sign IS NOT NULL AND amount IS NOT NULL
      AND CASE WHEN currency IS NULL THEN sign = '$' AND currency_text IS NULL
               WHEN sign = '$' THEN NOT connector_dollar(currency)
               ELSE currency <> sign END
)
SELECT line, col AS "column", reason FROM problems ORDER BY line, k;
