-- restore (inside its transaction): the backup's client_notes rows, as read into restore_raw, by column name.
INSERT INTO client_notes BY NAME SELECT * FROM restore_raw;
