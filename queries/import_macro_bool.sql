-- import: true/false/yes/no/1/0 in any case as a BOOLEAN, and yes and no as a French, German,
-- Spanish, Italian or Portuguese sheet writes them (oui/non, ja/nein, sí/no, vrai/faux, sim/não);
-- else NULL ('true' and
-- 'false' as written skip lowering the text: most files write them so).
CREATE OR REPLACE TEMP MACRO import_bool(v) AS
    CASE v WHEN 'true' THEN true WHEN 'false' THEN false
           ELSE CASE lower(v) WHEN 'true' THEN true WHEN 'yes' THEN true WHEN '1' THEN true
                              WHEN 'false' THEN false WHEN 'no' THEN false WHEN '0' THEN false
                              WHEN 'oui' THEN true WHEN 'non' THEN false
                              WHEN 'ja' THEN true WHEN 'nein' THEN false
                              WHEN 'sí' THEN true WHEN 'si' THEN true
                              WHEN 'vrai' THEN true WHEN 'faux' THEN false
                              WHEN 'sim' THEN true WHEN 'não' THEN false WHEN 'nao' THEN false END
    END;
