-- import (inside the write transaction): the validated interactions, typed; channel and kind in lower case.
INSERT INTO interactions (client_id, "at", channel, kind, sentiment, note)
SELECT client_id, import_timestamp("at"), lower(channel), lower(kind), import_number(sentiment), note
FROM stg_interactions
ORDER BY line;
