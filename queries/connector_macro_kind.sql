-- connector: where a tag of a mapped log's kind cell (lower case) stands among `kinds`, our kinds the
-- most telling first: through the mapping's [values.kind] (`keys` -> `values`), else as one of ours
-- as written ("revision request", "revision-request" and "revision_request" alike); NULL: neither.
CREATE OR REPLACE TEMP MACRO connector_kind_at(t, kinds, keys, vals) AS
    list_position(kinds, coalesce(map_extract_value(MAP(keys, vals), t),
                                  regexp_replace(t, '[\s-]+', '_', 'g')));
