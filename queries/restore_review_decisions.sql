-- restore (inside its transaction): the backup's review_decisions rows, as read into restore_raw, by column name.
INSERT INTO review_decisions BY NAME SELECT * FROM restore_raw;
