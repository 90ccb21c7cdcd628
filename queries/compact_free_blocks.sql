-- compact: how many blocks the source file has, and how many of them are free.
SELECT total_blocks, free_blocks FROM pragma_database_size() WHERE database_name = 'src';
