-- connector: a number written with $dec ('.' or ',') as its decimal separator and, optionally, the
-- other one grouping thousands ('1,234.5' or '1.234,5'), rewritten as plain '1234.5'; NULL when it
-- is not such a number (a misplaced group like '1,23,4' is not); '(450.00)' is '-450.00'
-- (connector_signed). The caller decides dec for the whole file from its values
-- (connector_number_evidence_*), never per value. The text is made plain once, into a one-item
-- list (a macro copies its argument wherever its body names it).
CREATE OR REPLACE TEMP MACRO connector_decimal_text(v, dec) AS
    list_transform([connector_signed(v)], lambda p:
        CASE
            WHEN dec = ',' AND regexp_full_match(p, '[+-]?((\d{1,3}(\.\d{3})+|\d+)(,\d+)?|,\d+)')
                THEN replace(replace(p, '.', ''), ',', '.')
            WHEN dec = '.' AND regexp_full_match(p, '[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\.\d+)')
                THEN replace(p, ',', '')
        END)[1];
