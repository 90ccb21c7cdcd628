SELECT body, updated_at FROM exit_letters WHERE client_id = $client_id;
