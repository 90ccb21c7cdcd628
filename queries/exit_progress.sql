-- Steps settled (done or not applicable) per client with an exit checklist.
SELECT client_id, count(*) FILTER (WHERE status IN ('done', 'na')) AS settled
FROM exit_steps
GROUP BY client_id;
