-- connector: a time of day as exports write it ('14:05', '14:05:09', '9:05:09.5', '10:23:52 AM',
-- '2:05 pm') as seconds after midnight; NULL when it is not one (25:00, 13:00 PM, 9:75).
CREATE OR REPLACE TEMP MACRO connector_clock(t) AS
    connector_clock_of(regexp_extract(
        t, '^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?$', ['h', 'm', 's', 'ap']
    ));
