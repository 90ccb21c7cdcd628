-- connector: the clients an export of interactions lands on, for the summary: none is ever new.
SELECT 0 AS new, count(DISTINCT client_id) AS matched FROM src_touch_rows;
