-- connector: how many entries the import would write; none at all refuses it.
SELECT count(*) FROM src_rows;
