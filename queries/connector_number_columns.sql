-- connector: the columns the numbers of a staged export came from (connector_number_values, made
-- by connector_number_values_<kind>), for a file refused for its decimal separator: their row
-- checks would only repeat that fault.
SELECT DISTINCT col FROM connector_number_values;
