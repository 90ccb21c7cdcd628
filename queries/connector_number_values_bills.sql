-- connector: the amounts of a staged invoice export (invoice, paid and balance amounts), as
-- (line, col, v), for connector_number_evidence.
CREATE OR REPLACE TEMP VIEW connector_number_values AS
SELECT line, 'amount' AS col, amount AS v FROM stg_bills WHERE amount IS NOT NULL
UNION ALL
SELECT line, 'paid_amount', paid_amount FROM stg_bills WHERE paid_amount IS NOT NULL
UNION ALL
SELECT line, 'balance', balance FROM stg_bills WHERE balance IS NOT NULL;
