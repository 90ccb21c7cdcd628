-- connector: a web domain as it is compared with a client's: from an email ('dana@Acme.com') or a
-- domain ('www.acme.com', 'acme.com.'), lower case, without 'www.' or a trailing dot; NULL when
-- nothing is left.
CREATE OR REPLACE TEMP MACRO connector_domain(v) AS
    nullif(rtrim(regexp_replace(regexp_replace(lower(trim(v)), '^.*@', ''), '^www\.', ''), '.'), '');
