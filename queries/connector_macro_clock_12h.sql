-- connector: the ways a 12-hour clock writes a time of day ('09:30:00 AM', '9:30:00 AM', and without
-- seconds when they are 0: '09:30 AM', '9:30 AM'); an empty list when no time reads. Entries
-- imported before start times were read as times are keyed by the time as their export wrote it:
-- these are the texts a 12-hour export gave the same time (toggl_time_parse's legacy_bases).
CREATE OR REPLACE TEMP MACRO connector_clock_12h(v) AS
    list_transform([connector_time_of(v)], lambda s:
        CASE WHEN s IS NULL THEN []::VARCHAR[]
             ELSE list_transform(
                      CASE WHEN s % 60 = 0
                           THEN ['%02d:%02d:%02d %s', '%d:%02d:%02d %s', '%02d:%02d %s', '%d:%02d %s']
                           ELSE ['%02d:%02d:%02d %s', '%d:%02d:%02d %s'] END,
                      lambda f: CASE WHEN contains(f, ':%02d:%02d')
                                     THEN printf(f, (s // 3600 + 11) % 12 + 1, s % 3600 // 60, s % 60,
                                                 CASE WHEN s < 43200 THEN 'AM' ELSE 'PM' END)
                                     ELSE printf(f, (s // 3600 + 11) % 12 + 1, s % 3600 // 60,
                                                 CASE WHEN s < 43200 THEN 'AM' ELSE 'PM' END) END)
        END)[1];
