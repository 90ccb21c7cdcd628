-- import (inside the write transaction): the feedback scores this import ($source) wrote that
-- repeat, field for field, one the owner recorded in the app: left out, so that the owner's score
-- counts once; the caller says how many. Only this import's own rows are touched.
DELETE FROM feedback x
WHERE x.source = $source
  AND EXISTS (
      SELECT 1 FROM feedback o
      WHERE o.source = 'app' AND o.client_id = x.client_id AND o."date" = x."date"
        AND o.score = x.score AND o."comment" IS NOT DISTINCT FROM x."comment"
  )
RETURNING client_id;
