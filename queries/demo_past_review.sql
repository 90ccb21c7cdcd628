-- demo: the owner's review of one past quarter ($quarter). Each client of that quarter's review
-- queue (bound as lists, in queue order, with the verdict it was scored with then) gets a
-- decision, the same for the same $seed. Most verdicts are followed. Of the exit candidates the
-- owner lets one go (the first by hash) and keeps the others (the second to recover), so the track
-- record shows a rule overridden again and again; a watch is kept, one in four deferred. Clients
-- already leaving (an exit in force from an earlier quarter) are not decided again. Decisions are
-- recorded from $review_at, a few minutes apart.
INSERT INTO review_decisions
    (quarter, client_id, decision, note, decided_at, recommendation, health, effort_return, evidence)
WITH queue AS (
    SELECT i,
           ($client_ids::VARCHAR[])[i] AS client_id,
           ($recommendations::VARCHAR[])[i] AS recommendation,
           ($healths::DOUBLE[])[i] AS health,
           ($efforts::DOUBLE[])[i] AS effort_return,
           ($evidence::VARCHAR[])[i] AS evidence
    FROM range(1, len($client_ids::VARCHAR[]) + 1) AS r(i)
),
leaving AS (
    SELECT client_id
    FROM review_decisions
    WHERE quarter < $quarter
    QUALIFY row_number() OVER (
                PARTITION BY client_id ORDER BY quarter DESC, decided_at DESC, decision_id DESC
            ) = 1
        AND decision = 'exit'
),
ranked AS (
    SELECT q.*,
           row_number() OVER (PARTITION BY q.recommendation = 'exit'
                              ORDER BY hash($seed, q.client_id), q.client_id) AS exit_rank,
           hash($seed, q.client_id, $quarter) % 4 AS draw
    FROM queue q
    WHERE q.client_id NOT IN (SELECT client_id FROM leaving)
),
decided AS (
    SELECT *,
           CASE
               WHEN recommendation = 'exit' AND exit_rank = 1 THEN 'exit'
               WHEN recommendation = 'exit' AND exit_rank = 2 THEN 'recover'
               WHEN recommendation = 'exit' THEN 'keep'
               WHEN recommendation = 'watch' AND draw = 0 THEN 'defer'
               WHEN recommendation = 'watch' THEN 'keep'
               ELSE recommendation
           END AS decision
    FROM ranked
)
SELECT $quarter,
       client_id,
       decision,
       CASE
           WHEN decision = 'exit' THEN 'Reviewed the numbers with Sam: let them go, kindly and by the book.'
           WHEN recommendation = 'exit' AND decision = 'recover' THEN 'One more try: a call with their director first.'
           WHEN recommendation = 'exit' THEN 'Kept for now: a long-standing account, worth another quarter.'
       END,
       CAST($review_at AS TIMESTAMP) + to_minutes(CAST(7 * i AS BIGINT)),
       recommendation,
       health,
       effort_return,
       evidence
FROM decided
ORDER BY i;
