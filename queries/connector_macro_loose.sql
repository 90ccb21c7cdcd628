-- connector: a client's name read loosely, to find a name close to one on record (never to merge
-- on its own): name_key, '&' as 'and', dots left out (S.A., B.V., Sp. z o.o. read as SA, BV, Sp z
-- oo), a company form (Inc, Ltd, Co, GmbH, PLLC, SARL, Ltda, Ltée...) and every character but
-- letters and digits left out. "Acme Retail, Inc." and "Acme Retail Inc" read 'acmeretail'; so do
-- "Padaria Bella Vista Ltda" and "Padaria Bella Vista". A QuickBooks sub-customer ("Barton Creek
-- Dental:SEO Retainer") reads as its parent: each sub-customer of an invoice list is near the
-- parent's name in the time tracker.
CREATE OR REPLACE TEMP MACRO connector_loose(v) AS
    regexp_replace(
        regexp_replace(replace(replace(name_key(CASE WHEN strpos(v, ':') > 1 THEN split_part(v, ':', 1) ELSE v END),
                                       '.', ''),
                               '&', ' and '),
                       '\b(inc|incorporated|ltd|limited|llc|pllc|llp|lp|co|company|corp|corporation|'
                       || 'gmbh|kg|ug|sarl|sas|sasu|eurl|sa|bv|nv|plc|pty|ag|srl|spa|sl|slu|oy|ab|as|aps|'
                       || 'pc|ltda|limitada|eireli|ltee|sagl|bvba|sprl|vof|kft|sp z oo)\b', ' ', 'g'),
        '[^a-z0-9]+', '', 'g');
