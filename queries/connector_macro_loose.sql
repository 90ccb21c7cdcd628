-- connector: a client's name read loosely, to find a name close to one on record (never to merge
-- on its own): name_key, '&' as 'and', a company form (Inc, Ltd, Co, GmbH...) and every character
-- but letters and digits left out. "Acme Retail, Inc." and "Acme Retail Inc" read 'acmeretail'.
CREATE OR REPLACE TEMP MACRO connector_loose(v) AS
    regexp_replace(
        regexp_replace(replace(name_key(v), '&', ' and '),
                       '\b(inc|incorporated|ltd|limited|llc|llp|co|company|corp|corporation|gmbh|sarl|'
                       || 'sas|sa|bv|nv|plc|pty|ag|srl|spa|oy|ab|as)\b', ' ', 'g'),
        '[^a-z0-9]+', '', 'g');
