-- connector: the dates of a staged invoice export (issue, due and payment dates together), as
-- (line, col, v), for connector_date_evidence.
CREATE OR REPLACE TEMP VIEW connector_date_values AS
SELECT line, 'issued_on' AS col, issued_on AS v FROM stg_bills WHERE issued_on IS NOT NULL
UNION ALL
SELECT line, 'due_on', due_on FROM stg_bills WHERE due_on IS NOT NULL
UNION ALL
SELECT line, 'paid_on', paid_on FROM stg_bills WHERE paid_on IS NOT NULL;
