-- connector: a currency as exports write it, as its 3-letter code: 'EUR', 'eur', or Harvest's
-- 'Euro - EUR' and 'United States Dollar - USD' (also 'Euro (EUR)'); NULL when there is no code.
CREATE OR REPLACE TEMP MACRO connector_currency(v) AS
    CASE
        WHEN regexp_full_match(v, '[A-Za-z]{3}') THEN upper(v)
        WHEN regexp_full_match(v, '.*\S\s*(-|–|\()\s*[A-Za-z]{3}\s*\)?')
            THEN upper(regexp_extract(v, '([A-Za-z]{3})\s*\)?$', 1))
    END;
-- connector: a currency written with a $ sign: the dollars (and the peso) an amount in $ may be in.
CREATE OR REPLACE TEMP MACRO connector_dollar(code) AS
    code IN ('USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN');
