-- connector: a mapped invoice sheet's fields that have no column of their own, filled in stg_bills: a
-- [fixed] value for the whole file ($fixed_keys -> $fixed_values; a currency, most often), or the value
-- of the field whose column it shares ($copy_to -> $copy_from). Run only when the mapping has either.
UPDATE stg_bills AS s
SET invoice_id = r.v['invoice_id'], client = r.v['client'], status = r.v['status'],
    issued_on = r.v['issued_on'], due_on = r.v['due_on'], paid_on = r.v['paid_on'],
    amount = r.v['amount'], paid_amount = r.v['paid_amount'], balance = r.v['balance'],
    currency = r.v['currency']
FROM (
    SELECT line,
           connector_filled(m, $fixed_keys::VARCHAR[], $fixed_values::VARCHAR[],
                            $copy_to::VARCHAR[], $copy_from::VARCHAR[]) AS v
    FROM (
        SELECT line,
               MAP(['invoice_id', 'client', 'status', 'issued_on', 'due_on', 'paid_on', 'amount',
                    'paid_amount', 'balance', 'currency'],
                   [invoice_id, client, status, issued_on, due_on, paid_on, amount, paid_amount,
                    balance, currency]) AS m
        FROM stg_bills
    )
) AS r
WHERE r.line = s.line;
