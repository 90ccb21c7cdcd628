-- connector: the export's rows as connector_stage_rows read them (text, with their lines) into
-- stg_bills.
INSERT INTO stg_bills BY NAME SELECT * FROM staged_rows;
