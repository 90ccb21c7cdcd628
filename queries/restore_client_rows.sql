-- restore (inside its transaction): the backup's client_rows rows, as read into restore_raw, by column name.
INSERT INTO client_rows BY NAME SELECT * FROM restore_raw;
