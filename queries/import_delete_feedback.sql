-- import (inside the write transaction): make room for the folder's rows. With $replace, every
-- row goes; otherwise only the rows of the clients the folder names, since the folder is their
-- full history. Clients the folder does not name keep their rows.
DELETE FROM feedback WHERE $replace OR client_id IN (SELECT client_id FROM stg_clients);
