-- What the owner recorded about one client (fact, value): these win over what imports say.
SELECT fact, value FROM client_facts WHERE client_id = $client_id ORDER BY fact;
