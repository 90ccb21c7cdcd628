-- compact: the database to copy, read-only, as `src`.
ATTACH $path AS src (READ_ONLY);
