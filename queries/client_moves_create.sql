-- `clients merge KEEP OTHER`: the one move to make, as client_moves(old_id, new_id) for client_move_*.
CREATE OR REPLACE TEMP TABLE client_moves AS
SELECT CAST($old_id AS VARCHAR) AS old_id, CAST($new_id AS VARCHAR) AS new_id;
