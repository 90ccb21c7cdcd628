-- restore (inside its transaction): the backup's client_aliases rows, as read into restore_raw, by column name.
INSERT INTO client_aliases BY NAME SELECT * FROM restore_raw;
