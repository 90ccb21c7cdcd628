-- restore (inside its transaction): the backup's settings replace the database's own.
DELETE FROM app_settings;
