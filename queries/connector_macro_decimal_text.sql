-- connector: a number written with $dec ('.' or ',') as its decimal separator and, optionally, the
-- other one grouping thousands ('1,234.5' or '1.234,5'), rewritten as plain '1234.5'; NULL when it
-- is not such a number (a misplaced group like '1,23,4' is not). The caller decides dec for the
-- whole file from its values (connector_number_evidence_*), never per value.
CREATE OR REPLACE TEMP MACRO connector_decimal_text(v, dec) AS
    CASE
        WHEN dec = ',' AND regexp_full_match(connector_plain(v), '[+-]?((\d{1,3}(\.\d{3})+|\d+)(,\d+)?|,\d+)')
            THEN replace(replace(connector_plain(v), '.', ''), ',', '.')
        WHEN dec = '.' AND regexp_full_match(connector_plain(v), '[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)')
            THEN replace(connector_plain(v), ',', '')
    END;
