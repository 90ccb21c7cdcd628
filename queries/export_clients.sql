-- export: the clients table in the import format, in a stable order, to the file $path as $fmt
-- ('csv', written with a header line, or 'parquet').
COPY (
    SELECT client_id, name, started_on, ended_on, referred_by, industry, notice_days
    FROM clients
    ORDER BY client_id
) TO $path (FORMAT $fmt);
