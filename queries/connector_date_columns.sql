-- connector: the columns the dates of a staged export came from (connector_date_values, made by
-- connector_date_values_<kind>), for a file refused for its order of dates: their row checks would
-- only repeat that fault.
SELECT DISTINCT col FROM connector_date_values;
