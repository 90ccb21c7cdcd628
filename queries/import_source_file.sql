-- import: which file the view import_src reads next, as the variable import_file: its path, the
-- column names and types to read it with (a CSV file's layout, from its header), the delimiter, and
-- the lines above the header to read past (1 for Excel's 'sep=;' line, else 0).
SET VARIABLE import_file = {'path': $path, 'columns': $columns, 'delim': $delim, 'skip': $skip};
