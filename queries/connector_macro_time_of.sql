-- connector: the time of day a start or end value says, as seconds after midnight: a time alone
-- ('09:00', '10:23:52 AM') or the time of a date and time ('2025-07-01 09:00'); NULL when none reads.
CREATE OR REPLACE TEMP MACRO connector_time_of(v) AS
    coalesce(connector_clock(v), connector_clock(nullif(connector_when(v).t, '')));
