-- import: free the raw copy of a file once it is staged.
DROP TABLE IF EXISTS import_raw;
