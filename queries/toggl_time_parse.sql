-- toggl: the staged Toggl Track detailed report (stg_entries) as typed entries, one per line; a value
-- that does not read is NULL here and named by connector_validate_entries. Hours come from 'Duration'
-- (1:30:00, or decimal hours if the workspace exports them so); the date is 'Start date'; the person
-- is 'User' (or 'Member'); 'Description' is the note. A missing 'Billable' column means
-- $billable_default. Dates read in $date_order or $date_format and numbers with $decimal, as the
-- caller decided for the whole file.
-- key_base, the identity of the entry: the source, client, start date and start time, the person
-- (their email when the export has it), project, task, description and duration in whole seconds,
-- normalised; entries alike in all of these are told apart by their order in the file. Tags are not
-- part of it, so re-tagging an entry and exporting again replaces it rather than adding it.
-- skip: 'no client' (Toggl allows time without a client) and 'no time' (a 0:00:00 entry).
CREATE OR REPLACE TEMP TABLE src_entries AS
WITH s AS (
    SELECT *,
           connector_norm(client) AS client_key,
           connector_date("date", $date_order, $date_format::VARCHAR) AS day,
           connector_duration(duration, $decimal) AS h
    FROM stg_entries
)
SELECT line,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       client_key,
       day,
       "date" AS day_text,
       h AS hours,
       duration AS hours_text,
       'duration' AS hours_col,
       CASE WHEN $billable_missing THEN $billable_default ELSE import_bool(billable) END AS billable,
       billable AS billable_text,
       NULL::VARCHAR AS activity_given,
       NULL::VARCHAR AS activity_text,
       task, tags, note,
       coalesce(person, email) AS person,
       concat_ws(chr(31), 'toggl', client_key, coalesce(strftime(day, '%Y-%m-%d'), ''),
                 coalesce(start_time, ''), coalesce(connector_norm(email), connector_norm(person), ''),
                 coalesce(CAST(round(h * 3600) AS BIGINT)::VARCHAR, ''),
                 coalesce(connector_norm(project), ''), coalesce(connector_norm(task), ''),
                 coalesce(connector_norm(note), '')) AS key_base,
       CASE WHEN client_key IS NULL THEN 'no client' WHEN h = 0 THEN 'no time' END AS skip
FROM s;
