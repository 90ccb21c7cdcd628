-- restore (inside its transaction): the backup's feedback rows, as read into restore_raw, by column name.
INSERT INTO feedback BY NAME SELECT * FROM restore_raw;
