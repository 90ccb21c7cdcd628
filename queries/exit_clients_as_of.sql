-- Clients leaving as of a review quarter: their latest decision up to that quarter is exit (a later
-- quarter's decision wins over an earlier one; within a quarter the last one recorded). Each with
-- the decision that started the exit: the first of the exits since the last other decision. An exit
-- confirmed again next quarter is the same exit, decided when it was first, for the reason the owner
-- gave then (it read "decided 2026Q3" and lost the 2026Q2 note).
WITH d AS (
    SELECT client_id, quarter, decided_at, note, decision,
           row_number() OVER (PARTITION BY client_id
                              ORDER BY quarter DESC, decided_at DESC, decision_id DESC) AS k
    FROM review_decisions
    WHERE quarter <= $quarter
),
leaving AS (
    SELECT client_id, coalesce((SELECT min(o.k) FROM d o
                                WHERE o.client_id = d.client_id AND o.decision <> 'exit'), 2147483647)
               AS other_k
    FROM d
    WHERE k = 1 AND decision = 'exit'
)
SELECT d.client_id, d.quarter, d.decided_at, d.note
FROM d JOIN leaving l USING (client_id)
WHERE d.k < l.other_k
QUALIFY row_number() OVER (PARTITION BY d.client_id ORDER BY d.k DESC) = 1
ORDER BY d.decided_at, d.client_id;
