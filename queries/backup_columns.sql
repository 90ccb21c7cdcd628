-- restore: the columns of one table and their types, in order, for reading its CSV file exactly.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = $table
ORDER BY ordinal_position;
