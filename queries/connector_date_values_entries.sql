-- connector: the dates of a staged time export, as (line, col, v), for connector_date_evidence.
CREATE OR REPLACE TEMP VIEW connector_date_values AS
SELECT line, 'date' AS col, "date" AS v FROM stg_entries WHERE "date" IS NOT NULL;
