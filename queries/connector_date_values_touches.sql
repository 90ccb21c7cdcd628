-- connector: the timestamps of a staged export of interactions, as (line, col, v), for
-- connector_date_evidence.
CREATE OR REPLACE TEMP VIEW connector_date_values AS
SELECT line, 'at' AS col, "at" AS v FROM stg_touches WHERE "at" IS NOT NULL;
