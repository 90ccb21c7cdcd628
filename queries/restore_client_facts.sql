-- restore (inside its transaction): the backup's client_facts rows, as read into restore_raw, by column name.
INSERT INTO client_facts BY NAME SELECT * FROM restore_raw;
