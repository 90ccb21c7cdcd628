-- import (inside the write transaction): the validated feedback scores, typed.
INSERT INTO feedback (client_id, "date", score, "comment")
SELECT client_id, import_date("date"), import_int(score), "comment"
FROM stg_feedback
ORDER BY line;
