-- import (inside the write transaction): the messages this import ($source) wrote that repeat,
-- field for field, one the owner logged in the app (an `export --import-format` of this database
-- read back): left out, so that the owner's entry counts once; the caller says how many.
-- Only this import's own rows are touched; the owner's are never.
DELETE FROM interactions x
WHERE x.source = $source
  AND EXISTS (
      SELECT 1 FROM interactions o
      WHERE o.source = 'app' AND o.client_id = x.client_id AND o."at" = x."at"
        AND o.kind = x.kind AND o.channel = x.channel
        AND o.sentiment IS NOT DISTINCT FROM x.sentiment AND o.note IS NOT DISTINCT FROM x.note
  )
RETURNING client_id;
