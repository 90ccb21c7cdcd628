-- connector: a number as written with what separates nothing taken out (spaces, no-break spaces,
-- apostrophes as in 1'234.50, a currency sign: €, £, ₹, $ and the dollars a country's letters name,
-- R$ 2.900,00 as Excel in Brazilian Portuguese writes reais, US$, C$, A$, NZ$...), so the number
-- rules below see only digits, signs and separators. connector_sign reads what the sign says.
CREATE OR REPLACE TEMP MACRO connector_plain(v) AS
    regexp_replace(v, '(^|[^A-Za-z])(US|CA|AU|NZ|HK|MX|R|C|A|S)\$|[\s\x{00A0}\x{2009}\x{202F}''€$£₹]', '\1', 'g');
