-- The owner's track record, part 2: clients the owner did not let go although the app recommended
-- exit, in the quarters before $quarter (the decision in force per quarter and client). One row
-- per client: the first such quarter, how many quarters, the latest such decision, and health and
-- effort versus return as recorded with the first decision (what the app showed then). A client
-- let go in the end (the latest decision is exit) is among the exits taken instead.
WITH d AS (
    SELECT quarter, client_id, decision, recommendation, health, effort_return
    FROM review_decisions
    WHERE quarter < $quarter
    QUALIFY row_number() OVER (
                PARTITION BY quarter, client_id ORDER BY decided_at DESC, decision_id DESC
            ) = 1
)
SELECT d.client_id,
       coalesce(any_value(c.name), d.client_id) AS name,
       min(d.quarter) AS since,
       count(*)::INTEGER AS times,
       arg_max(d.decision, d.quarter) AS decision,
       arg_min(d.health, d.quarter) AS health_then,
       arg_min(d.effort_return, d.quarter) AS effort_then
FROM d
LEFT JOIN clients c ON c.client_id = d.client_id
WHERE d.recommendation = 'exit' AND d.decision <> 'exit'
  AND d.client_id NOT IN (
      SELECT client_id FROM d GROUP BY client_id HAVING arg_max(decision, quarter) = 'exit'
  )
GROUP BY d.client_id
ORDER BY since, name, d.client_id;
