-- connector: the numbers of a staged export of interactions (sentiments), as (line, col, v), for
-- connector_number_evidence.
CREATE OR REPLACE TEMP VIEW connector_number_values AS
SELECT line, 'sentiment' AS col, sentiment AS v FROM stg_touches WHERE sentiment IS NOT NULL;
