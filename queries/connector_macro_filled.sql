-- connector: a staged row's fields (`m`, field name -> value) with those a mapping fills in: a
-- [fixed] value for the whole file (fixed_keys -> fixed_values), else the value of the field whose
-- column it shares (copy_to -> copy_from: one column feeding two fields), else its own. The
-- connector_fill_* queries write these back, one staging table each.
CREATE OR REPLACE TEMP MACRO connector_filled(m, fixed_keys, fixed_values, copy_to, copy_from) AS
    MAP([n FOR n IN map_keys(m)],
        [coalesce(map_extract_value(MAP(fixed_keys, fixed_values), n),
                  map_extract_value(m, map_extract_value(MAP(copy_to, copy_from), n)),
                  map_extract_value(m, n))
         FOR n IN map_keys(m)]);
