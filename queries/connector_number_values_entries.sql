-- connector: the numbers of a staged time export (hours, durations, and the billable and cost amounts),
-- as (line, col, v), for connector_number_evidence.
CREATE OR REPLACE TEMP VIEW connector_number_values AS
SELECT line, 'hours' AS col, hours AS v FROM stg_entries WHERE hours IS NOT NULL
UNION ALL
SELECT line, 'duration', duration FROM stg_entries WHERE duration IS NOT NULL
UNION ALL
SELECT line, 'billable_amount', billable_amount FROM stg_entries WHERE billable_amount IS NOT NULL
UNION ALL
SELECT line, 'cost_amount', cost_amount FROM stg_entries WHERE cost_amount IS NOT NULL;
