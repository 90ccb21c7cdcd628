-- connector: how many interactions the import would write; none at all refuses it.
SELECT count(*) FROM src_touch_rows;
