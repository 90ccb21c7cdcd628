-- connector: the export's rows as connector_stage_rows read them (text, with their lines) into
-- stg_touches.
INSERT INTO stg_touches BY NAME SELECT * FROM staged_rows;
