-- connector: a client's name read loosely, to find a name close to one on record (never to merge
-- on its own): name_key, '&' as 'and', a company form (Inc, Ltd, Co, GmbH...) left out, and every
-- run of characters but letters and digits one space (connector_loose_words: "Acme Retail, Inc."
-- reads 'acme retail'), or none (connector_loose: 'acmeretail', so "Acme-Retail" is it too).
CREATE OR REPLACE TEMP MACRO connector_loose_words(v) AS
    trim(regexp_replace(
        regexp_replace(replace(name_key(v), '&', ' and '),
                       '\b(inc|incorporated|ltd|limited|llc|llp|co|company|corp|corporation|gmbh|sarl|'
                       || 'sas|sa|bv|nv|plc|pty|ag|srl|spa|oy|ab|as)\b', ' ', 'g'),
        '[^a-z0-9]+', ' ', 'g'));
CREATE OR REPLACE TEMP MACRO connector_loose(v) AS replace(connector_loose_words(v), ' ', '');
