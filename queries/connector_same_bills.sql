-- connector (inside the write transaction): the invoices this file just loaded (src_bill_rows) that
-- another source holds too, for a warning: the same client and number (a partly paid invoice's '-unpaid'
-- row read as its invoice), or the same client, issue date, amount and currency (an accounting tool
-- fed by the time tracker numbers them its own way). How many, the other sources, the first ids.
WITH n AS (
    SELECT client_id, regexp_replace(invoice_id, '-unpaid$', '') AS number, issued_on, amount, currency
    FROM invoices
    WHERE source = $source AND source_key IN (SELECT source_key FROM src_bill_rows)
),
o AS (
    SELECT client_id, regexp_replace(invoice_id, '-unpaid$', '') AS number, issued_on, amount, currency,
           source
    FROM invoices WHERE source <> $source
),
same AS (
    SELECT DISTINCT n.number, o.source
    FROM n JOIN o ON o.client_id = n.client_id
                 AND (o.number = n.number
                      OR (o.issued_on = n.issued_on AND o.amount = n.amount
                          AND o.currency IS NOT DISTINCT FROM n.currency))
)
SELECT count(DISTINCT number) AS invoices,
       coalesce(list(DISTINCT source ORDER BY source), []) AS sources,
       coalesce(list(DISTINCT number ORDER BY number), [])[1:3] AS numbers
FROM same;
