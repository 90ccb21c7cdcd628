-- connector: hours from a start and an end as exports write them (connector_time_of: times of day, or
-- dates with a time), their clock times compared; an end before the start is on the next day (a timer
-- running past midnight). NULL when either has no time that reads.
CREATE OR REPLACE TEMP MACRO connector_span(s, e) AS
    ((connector_time_of(e) - connector_time_of(s) + 86400) % 86400) / 3600.0;
