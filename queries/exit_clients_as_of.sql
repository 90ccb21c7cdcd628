-- Clients leaving as of a review quarter: their latest decision up to that quarter is exit.
-- A later quarter's decision wins over an earlier one; within a quarter the last one recorded.
SELECT client_id, quarter, decided_at, note
FROM review_decisions
WHERE quarter <= $quarter
QUALIFY row_number() OVER (
            PARTITION BY client_id ORDER BY quarter DESC, decided_at DESC, decision_id DESC
        ) = 1
    AND decision = 'exit'
ORDER BY decided_at, client_id;
