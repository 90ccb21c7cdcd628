-- restore (inside its transaction): the backup's app_settings rows, as read into restore_raw, by column name.
INSERT INTO app_settings BY NAME SELECT * FROM restore_raw;
