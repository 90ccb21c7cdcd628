-- connector: the zone a time is written with, after its time of day ("2026-10-30T20:30:00Z": 'Z';
-- "... 21:14:07 +0200": '+0200'), else '': what connector_timestamp reads at the agency's clock and
-- the import's summary counts (connector_zoned_touches).
CREATE OR REPLACE TEMP MACRO connector_zone(v) AS
    regexp_extract(v, '\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d(?::?\d\d)?)$', 1);
