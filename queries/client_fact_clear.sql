-- The owner takes a fact back: the imported value shows again.
DELETE FROM client_facts WHERE client_id = $client_id AND fact = $fact;
