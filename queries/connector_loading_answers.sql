-- connector: how many feedback scores the import would write; none at all refuses it.
SELECT count(*) FROM src_answer_rows;
