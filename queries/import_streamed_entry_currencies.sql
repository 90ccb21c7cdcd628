-- import (inside the write transaction, after the streamed writes): the currencies of the folder's
-- time entries that have an amount, with how many entries each, as import_entry_currencies counts
-- them from the staged file.
SELECT currency, count(*) AS entries
FROM (SELECT amount_currency AS currency FROM time_entries
      WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
        AND amount_currency IS NOT NULL
      UNION ALL
      SELECT cost_currency FROM time_entries
      WHERE source = 'folder' AND source_key IN (SELECT folder_id FROM folder_clients)
        AND cost_currency IS NOT NULL AND cost_currency <> amount_currency)
GROUP BY currency
ORDER BY 1;
