-- Un-ticking "close the record": clear the end date again, but only if it is the one that step set.
UPDATE clients SET ended_on = NULL
WHERE client_id = $client_id
  AND ended_on = (SELECT done_on FROM exit_steps
                  WHERE client_id = $client_id AND step = 'close' AND status = 'done');
