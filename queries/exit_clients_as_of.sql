-- Clients leaving as of a review quarter: their latest decision up to that quarter is exit (a later
-- quarter's decision wins over an earlier one; within a quarter the last one recorded). Each with
-- the decision that started the exit: the first of the exits since the last other decision. An exit
-- confirmed again next quarter is the same exit, decided when it was first, for the reason the owner
-- gave then (it read "decided 2026Q3" and lost the 2026Q2 note).
WITH d AS (
    SELECT client_id, quarter, decided_at, note, decision,
           -- 1 for the latest decision, 2 for the one before, ...
           row_number() OVER (PARTITION BY client_id
                              ORDER BY quarter DESC, decided_at DESC, decision_id DESC) AS k
    FROM review_decisions
    WHERE quarter <= $quarter
),
runs AS (
    SELECT *,
           bool_and(decision = 'exit') OVER (PARTITION BY client_id ORDER BY k) AS in_run
    FROM d
)
SELECT client_id, quarter, decided_at, note
FROM runs
WHERE in_run
QUALIFY k = max(k) OVER (PARTITION BY client_id)
ORDER BY decided_at, client_id;
