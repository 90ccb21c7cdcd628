INSERT OR REPLACE INTO exit_letters (client_id, body, updated_at) VALUES ($client_id, $body, $updated_at);
