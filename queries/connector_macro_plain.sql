-- connector: a number as written with what separates nothing taken out (spaces, no-break spaces,
-- apostrophes as in 1'234.50, a currency sign: €, £, ₹, $ and the dollars a country's letters name,
-- R$ 2.900,00 as Excel in Brazilian Portuguese writes reais, US$, C$, A$, NZ$...), so the number
-- rules below see only digits, signs and separators. connector_sign reads what the sign says.
-- The spaces go first, so a sign written after the number ('1.234,56 US$', as Spanish and German
-- sheets write foreign dollars) or spaced from its minus ('- R$ 1.000,00') is taken out whole.
CREATE OR REPLACE TEMP MACRO connector_plain(v) AS
    regexp_replace(regexp_replace(v, '[\s\x{00A0}\x{2009}\x{202F}'']', '', 'g'),
                   '(^|[^A-Za-z])(US|CA|AU|NZ|HK|MX|R|C|A|S)\$|[€$£₹]', '\1', 'g');
