-- import: a value as the user wrote it, quoted, on one line and cut short, for problem messages.
CREATE OR REPLACE TEMP MACRO import_show(v) AS
    '''' || CASE WHEN length(v) > 40 THEN left(regexp_replace(v, '[[:cntrl:]]', ' ', 'g'), 37) || '...'
                 ELSE regexp_replace(v, '[[:cntrl:]]', ' ', 'g') END || '''';
