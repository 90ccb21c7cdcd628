-- connector: on an invoice export refused for its rows, the currencies of its invoices (as
-- connector_currencies counts them once the rows are written out, an invoice paid in part being
-- one), for the refusal to say the rates the settings lack too: one fix then sees both.
SELECT currency, count(DISTINCT key_base) AS invoices
FROM src_bills
WHERE skip IS NULL AND regexp_full_match(currency, '[A-Z]{3}')
GROUP BY ALL
ORDER BY 1;
