-- connector: the numbers of a staged time export (hours and durations), as (line, col, v), for
-- connector_number_evidence.
CREATE OR REPLACE TEMP VIEW connector_number_values AS
SELECT line, 'hours' AS col, hours AS v FROM stg_entries WHERE hours IS NOT NULL
UNION ALL
SELECT line, 'duration', duration FROM stg_entries WHERE duration IS NOT NULL;
