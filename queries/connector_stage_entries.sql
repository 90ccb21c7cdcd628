-- connector: the export's rows as connector_stage_rows read them (text, with their lines) into
-- stg_entries.
INSERT INTO stg_entries BY NAME SELECT * FROM staged_rows;
