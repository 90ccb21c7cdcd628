-- connector: the client_id given to a client first seen in an export, from its normalised name
-- (connector_norm): a slug of at most 32 characters and the first 6 hex digits of the name's md5,
-- so "Northwind Outfitters" is always northwind-outfitters-xxxxxx, in any export and on any machine.
CREATE OR REPLACE TEMP MACRO connector_client_id(name_key) AS
    coalesce(nullif(rtrim(left(trim(regexp_replace(name_key, '[^a-z0-9]+', '-', 'g'), '-'), 32), '-'), ''), 'client')
    || '-' || left(md5(name_key), 6);
