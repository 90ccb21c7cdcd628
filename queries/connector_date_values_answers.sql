-- connector: the dates of a staged export of feedback scores, as (line, col, v), for
-- connector_date_evidence.
CREATE OR REPLACE TEMP VIEW connector_date_values AS
SELECT line, 'date' AS col, "date" AS v FROM stg_answers WHERE "date" IS NOT NULL;
