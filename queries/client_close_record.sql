-- The exit checklist's last-but-one step: the relationship ends on this date.
UPDATE clients SET ended_on = $ended_on WHERE client_id = $client_id;
