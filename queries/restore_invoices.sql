-- restore (inside its transaction): the backup's invoices rows, as read into restore_raw, by column name.
INSERT INTO invoices BY NAME SELECT * FROM restore_raw;
