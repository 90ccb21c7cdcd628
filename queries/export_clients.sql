-- export --import-format: the clients (as the app sees them, the owner's facts included) in the import format, in a stable order, to the file $path as $fmt
-- ('csv', written with a header line, or 'parquet').
COPY (
    SELECT client_id, name, started_on, ended_on, referred_by, industry, notice_days, domain
    FROM clients
    ORDER BY client_id
) TO $path (FORMAT $fmt);
