-- connector: a time of day as exports write it ('14:05', '14:05:09', '9:05:09.5', '10:23:52 AM',
-- '2:05 pm') as seconds after midnight; NULL when it is not one (25:00, 13:00 PM, 9:75).
-- The parts are read once into a one-item list: a macro copies its argument wherever its body names
-- it, and connector_clock_of names its parts a dozen times (each copy bound, and run, on its own).
CREATE OR REPLACE TEMP MACRO connector_clock(t) AS
    list_transform([regexp_extract(
        t, '^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?$', ['h', 'm', 's', 'ap']
    )], lambda p: connector_clock_of(p))[1];
