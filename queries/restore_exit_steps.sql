-- restore (inside its transaction): the backup's exit_steps rows, as read into restore_raw, by column name.
INSERT INTO exit_steps BY NAME SELECT * FROM restore_raw;
