-- connector: the numbers of a staged export of feedback scores, as (line, col, v), for
-- connector_number_evidence.
CREATE OR REPLACE TEMP VIEW connector_number_values AS
SELECT line, 'score' AS col, score AS v FROM stg_answers WHERE score IS NOT NULL;
