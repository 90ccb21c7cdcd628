-- import (inside the write transaction): the keys of the rows this folder import wrote (source
-- 'folder', keyed by the client_id each was listed under), for owner_repeats_* to look at this
-- import's rows only, never an earlier folder's for clients this one does not list.
CREATE OR REPLACE TEMP TABLE import_keys AS
SELECT DISTINCT folder_id AS source_key FROM folder_clients;
