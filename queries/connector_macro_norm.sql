-- connector: a name or text as it is compared (the store's name_key: accents dropped, lower case,
-- runs of white space as one space, trimmed; '' as NULL). "Café  Bleu " and "cafe bleu" are one client.
CREATE OR REPLACE TEMP MACRO connector_norm(v) AS name_key(v);
