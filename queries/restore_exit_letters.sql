-- restore (inside its transaction): the backup's exit_letters rows, as read into restore_raw, by column name.
INSERT INTO exit_letters BY NAME SELECT * FROM restore_raw;
