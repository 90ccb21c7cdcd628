-- connector: the name that says whose a time entry is: its client, else (the Client column empty or
-- missing, as when people track by project) its project; `client_from` 'client' or 'project' takes
-- only that one (--client-from).
CREATE OR REPLACE TEMP MACRO connector_client_name(client, project, client_from) AS
    CASE client_from WHEN 'client' THEN client WHEN 'project' THEN project ELSE coalesce(client, project) END;
