-- import: how many lines DuckDB could not read from the CSV file at $path (import_csv_rejects lists them).
SELECT count(*)
FROM import_rejects e
JOIN import_reject_scans s ON s.scan_id = e.scan_id AND s.file_id = e.file_id
WHERE s.file_path = $path;
