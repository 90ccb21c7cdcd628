-- connector: a name or text as it is compared: accents dropped, lower case, runs of white space as one
-- space, trimmed; '' as NULL. "Café  Bleu " and "cafe bleu" are the same client.
CREATE OR REPLACE TEMP MACRO connector_norm(v) AS
    nullif(lower(trim(regexp_replace(strip_accents(v), '\s+', ' ', 'g'))), '');
