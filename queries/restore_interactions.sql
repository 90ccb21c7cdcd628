-- restore (inside its transaction): the backup's interactions rows, as read into restore_raw, by column name.
INSERT INTO interactions BY NAME SELECT * FROM restore_raw;
