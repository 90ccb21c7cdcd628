-- connector: a number as written with what separates nothing taken out (spaces, no-break spaces,
-- apostrophes as in 1'234.50, a currency sign), so the number rules below see only digits, signs
-- and separators.
CREATE OR REPLACE TEMP MACRO connector_plain(v) AS
    regexp_replace(v, '[\s\x{00A0}\x{2009}\x{202F}''€$£]', '', 'g');
