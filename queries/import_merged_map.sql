-- import (inside the write transaction, after import_folder_clients): the folder's client_ids the
-- owner merged into another client, as the variable import_merged (folder_id -> client_id; usually
-- empty), for the streamed writes (import_stream_*) to land their rows on the kept client.
SET VARIABLE import_merged = (
    SELECT coalesce(map(list(folder_id), list(client_id)), MAP {}::MAP(VARCHAR, VARCHAR))
    FROM folder_clients WHERE merged
);
