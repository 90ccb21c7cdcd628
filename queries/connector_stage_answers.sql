-- connector: the export's rows as connector_stage_rows read them (text, with their lines) into
-- stg_answers.
INSERT INTO stg_answers BY NAME SELECT * FROM staged_rows;
