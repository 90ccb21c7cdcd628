-- connector: a number as written, made plain (connector_plain), with an accountant's negative in
-- parentheses ('(450.00)', a credit note in a QuickBooks list) as a minus: '-450.00', and a Swiss
-- whole amount ('1'250.–', '300.-': a separator and a dash for no cents) as the whole number. A dash
-- after a separator only: SAP's trailing minus ('300.00-') stays unread. What reads the value
-- (connector_decimal_text) and what weighs the file's decimal separator
-- (connector_number_evidence) both see it so.
CREATE OR REPLACE TEMP MACRO connector_signed(v) AS
    regexp_replace(regexp_replace(connector_plain(v), '^\((.+)\)$', '-\1'), '(\d)[.,][-\x{2013}]$', '\1');
