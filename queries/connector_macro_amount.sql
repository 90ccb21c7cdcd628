-- connector: an invoice's amount as written (connector_decimal_text) as DECIMAL(14, 2), or NULL;
-- with `cents`, a whole number of cents divided by 100 (Stripe's API writes 150000 for 1,500.00).
CREATE OR REPLACE TEMP MACRO connector_amount(v, dec, cents) AS
    CASE WHEN cents THEN TRY_CAST(TRY_CAST(connector_decimal_text(v, dec) AS HUGEINT) / 100 AS DECIMAL(14, 2))
         ELSE TRY_CAST(connector_decimal_text(v, dec) AS DECIMAL(14, 2)) END;
