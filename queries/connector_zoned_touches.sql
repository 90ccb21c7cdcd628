-- connector: the interactions whose time the export wrote with its zone (connector_zone: …Z,
-- …+02:00), and of those the ones in UTC (Z, +00:00: an export's own clock, seldom the agency's):
-- read at the agency's clock where the settings name it, else at the clock they show
-- (connector_timestamp), which the summary says.
SELECT count(*) FILTER (WHERE connector_zone(at_text) <> ''),
       count(*) FILTER (WHERE regexp_full_match(connector_zone(at_text), 'Z|[+-]00(:?00)?'))
FROM src_touches
WHERE skip IS NULL;
