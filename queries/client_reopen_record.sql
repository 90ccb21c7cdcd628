-- Un-ticking "close the record": the end date that step recorded goes, and the client's end date is
-- whatever the imports say again (an end date the owner recorded otherwise stays).
DELETE FROM client_facts
WHERE client_id = $client_id AND fact = 'ended_on'
  AND value = (SELECT CAST(done_on AS VARCHAR) FROM exit_steps
               WHERE client_id = $client_id AND step = 'close' AND status = 'done');
