-- restore (inside its transaction): the backup's time_entries rows, as read into restore_raw, by column name.
INSERT INTO time_entries BY NAME SELECT * FROM restore_raw;
