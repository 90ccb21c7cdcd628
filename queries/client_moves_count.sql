-- How many clients client_move_* would re-point: an import that takes over no client skips them.
SELECT count(*) FROM client_moves;
