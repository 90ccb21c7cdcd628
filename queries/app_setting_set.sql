INSERT OR REPLACE INTO app_settings (key, value) VALUES ($1, $2);
