-- connector: a time of day as one text whatever clock the export wrote it in ('09:30:00 AM',
-- '9:30', '09:30:00' are all '09:30:00'), for an entry's identity; NULL when no time reads. The
-- seconds are read once into a one-item list (see connector_clock).
CREATE OR REPLACE TEMP MACRO connector_clock_text(v) AS
    list_transform([connector_time_of(v)],
                   lambda s: printf('%02d:%02d:%02d', s // 3600, s % 3600 // 60, s % 60))[1];
