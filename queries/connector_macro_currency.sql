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
-- connector: the currency an amount's own sign names: € and £, ₹, R$ (reais), US$, C$ or CA$, A$ or AU$,
-- NZ$, S$, HK$, MX$ each one; '$' alone is a dollar of some country (connector_dollar); NULL: none.
CREATE OR REPLACE TEMP MACRO connector_sign(v) AS
    CASE WHEN contains(v, '€') THEN 'EUR' WHEN contains(v, '£') THEN 'GBP' WHEN contains(v, '₹') THEN 'INR'
         WHEN contains(v, '$')
         THEN coalesce(map_extract_value(MAP {'R': 'BRL', 'US': 'USD', 'C': 'CAD', 'CA': 'CAD', 'A': 'AUD',
                                              'AU': 'AUD', 'NZ': 'NZD', 'S': 'SGD', 'HK': 'HKD', 'MX': 'MXN'},
                                         regexp_extract(v, '(^|[^A-Za-z])(US|CA|AU|NZ|HK|MX|R|C|A|S)\$', 2)),
                       '$')
    END;
