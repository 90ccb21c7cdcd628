-- toggl, clockify: the staged Toggl Track or Clockify detailed report (stg_entries) as typed entries, one
-- per line; a value that does not read is NULL here and named by connector_validate_entries.
-- Hours: Clockify's 'Duration (decimal)' (hours), else 'Duration' or Clockify's 'Duration (h)'
-- (1:30:00, or decimal hours), else from the start and end times ('Start time', 'Stop time' or 'End
-- time', 12-hour clock too: 10:23:52 AM). The date is 'Start date'; the person is 'User' (or
-- 'Member'), else the email; 'Description' is the note. The client is 'Client', else (empty or no
-- such column: people who track by project) the 'Project' (connector_client_name, $client_from
-- forcing either). A missing 'Billable' column means $billable_default. Dates read in $date_order
-- or $date_format and numbers with $decimal, as the caller decided for the whole file.
-- key_base, the identity of the entry: the source ($source_name), client, start date and start time
-- (as a 24-hour time: the same report saved with a 12-hour clock is the same entries),
-- the person (their email when the export has it), project, task, description and duration in whole
-- seconds, normalised; entries alike in all of these are told apart by their order in the file. Tags
-- are not part of it, so re-tagging an entry and exporting again replaces it rather than adding it.
-- Money: Toggl's 'Amount (EUR)' or 'Billable amount' and Clockify's 'Billable Amount (USD)' as
-- billable_amount, Clockify's 'Cost Amount (USD)' as cost_amount, in the entry's 'Currency' (Toggl's
-- newer layout), else the currency the title names ($amount_currency; NULL with neither, and then
-- no money).
-- skip: 'no client' (no client and no project to name one) and 'no time' (a 0:00:00 entry).
CREATE OR REPLACE TEMP TABLE src_entries AS
WITH s AS (
    SELECT *,
           connector_client_name(client, project, $client_from) AS who_for,
           connector_date("date", $date_order, $date_format::VARCHAR) AS day,
           CASE WHEN hours IS NOT NULL THEN connector_duration(hours, $decimal)
                WHEN duration IS NOT NULL THEN connector_duration(duration, $decimal)
                ELSE connector_span(start_time, end_time) END AS h,
           CASE WHEN hours IS NOT NULL THEN 'hours'
                WHEN duration IS NOT NULL THEN 'duration'
                WHEN start_time IS NOT NULL OR end_time IS NOT NULL
                    THEN CASE WHEN connector_time_of(start_time) IS NULL THEN 'start_time' ELSE 'end_time' END
                ELSE 'duration' END AS h_col
    FROM stg_entries
)
SELECT line,
       regexp_replace(who_for, '\s+', ' ', 'g') AS client,
       connector_norm(who_for) AS client_key,
       who_for IS NOT NULL AND CASE $client_from WHEN 'project' THEN true WHEN 'client' THEN false
                                                 ELSE client IS NULL END AS from_project,
       project,
       day,
       "date" AS day_text,
       h AS hours,
       CASE h_col WHEN 'hours' THEN hours WHEN 'duration' THEN duration WHEN 'start_time' THEN start_time
                  ELSE end_time END AS hours_text,
       h_col AS hours_col,
       CASE WHEN $billable_missing THEN $billable_default ELSE import_bool(billable) END AS billable,
       billable AS billable_text,
       NULL::VARCHAR AS activity_given,
       NULL::VARCHAR AS activity_text,
       task, tags, note,
       coalesce(person, email) AS person,
       TRY_CAST(connector_decimal_text(billable_amount, $decimal) AS DECIMAL(14, 2)) AS billable_amt,
       billable_amount AS billable_amount_text,
       TRY_CAST(connector_decimal_text(cost_amount, $decimal) AS DECIMAL(14, 2)) AS cost_amt,
       cost_amount AS cost_amount_text,
       CASE WHEN billable_amount IS NOT NULL OR cost_amount IS NOT NULL
            THEN connector_currency(coalesce(currency, $amount_currency::VARCHAR)) END AS currency,
       CASE WHEN billable_amount IS NOT NULL OR cost_amount IS NOT NULL
            THEN coalesce(currency, $amount_currency::VARCHAR) END AS currency_text,
       NULL::VARCHAR AS cost_currency,  -- the cost amounts are in `currency` too
       -- the identity's parts around the start time (a column alias reused below, as DuckDB allows)
       concat_ws(chr(31), $source_name, connector_norm(who_for), coalesce(strftime(day, '%Y-%m-%d'), ''))
           AS key_head,
       concat_ws(chr(31), coalesce(connector_norm(email), connector_norm(person), ''),
                 coalesce(TRY_CAST(round(h * 3600) AS BIGINT)::VARCHAR, ''),
                 coalesce(connector_norm(project), ''), coalesce(connector_norm(task), ''),
                 coalesce(connector_norm(note), '')) AS key_tail,
       concat_ws(chr(31), key_head, coalesce(connector_clock_text(start_time), start_time, ''), key_tail)
           AS key_base,
       -- the same without the client (or the Project standing for it): the entry's identity once the
       -- tracker names the client, or renames it (work_key, connector_classify_entries)
       concat_ws(chr(31), $source_name, coalesce(strftime(day, '%Y-%m-%d'), ''),
                 coalesce(connector_clock_text(start_time), start_time, ''), key_tail) AS work_base,
       -- the identities an earlier version may have given the same entry, keyed by the start time as
       -- its export wrote it: as this file writes it, or as a 12-hour clock does ('09:30:00 AM'), so
       -- that entries imported then from either clock are still replaced (connector_classify_entries)
       list_transform(
           list_distinct(list_filter(list_concat([start_time], connector_clock_12h(start_time)),
                                     lambda t: t IS NOT NULL AND t <> coalesce(connector_clock_text(start_time), ''))),
           lambda t: concat_ws(chr(31), key_head, t, key_tail)) AS legacy_bases,
       CASE WHEN connector_norm(who_for) IS NULL THEN 'no client' WHEN h = 0 THEN 'no time' END AS skip
FROM s;
