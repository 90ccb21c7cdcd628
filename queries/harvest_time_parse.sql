-- harvest-time: the staged Harvest detailed time report (stg_entries) as typed entries, one per line;
-- a value that does not read is NULL here and named by connector_validate_entries. Hours are the
-- 'Hours' column (not 'Hours Rounded'), decimal or h:mm as the account's time format has it; the
-- person is 'First Name' and 'Last Name'; a missing 'Billable?' column means $billable_default. The
-- client is 'Client' ($client_from 'project' takes the 'Project' instead, connector_client_name).
-- Dates read in $date_order or $date_format and numbers with $decimal, as the caller decided for
-- the whole file.
-- Money: 'Billable Amount' (what the entry is worth to the client) and 'Cost Amount' (what it cost
-- the agency), in 'Currency' as its ISO code ('Euro - EUR' is EUR); none is NULL.
-- key_base, the identity of the entry, is what the export says about it, normalised so that a
-- re-export in another date or number format is the same entry: the source, client, date, person,
-- project, task, notes and hours (in whole seconds). Two entries alike in all of these are told
-- apart by their order in the file (connector_classify_entries numbers them). work_base is the same
-- without the client: what says a renamed client's entries are the ones imported under its old name.
-- skip: 'no client' (no client name: time that belongs to no client) and 'no time' (0 hours) are
-- left out and counted in the summary rather than refused.
CREATE OR REPLACE TEMP TABLE src_entries AS
WITH s AS (
    SELECT * REPLACE (connector_client_name(client, project, $client_from) AS client),
           connector_norm(connector_client_name(client, project, $client_from)) AS client_key,
           -- a Client left empty takes the Project (connector_client_name), and the summary says so
           project IS NOT NULL AND CASE $client_from WHEN 'project' THEN true WHEN 'client' THEN false
                                                 ELSE client IS NULL END AS from_project,
           connector_date("date", $date_order, $date_format::VARCHAR) AS day,
           connector_duration(hours, $decimal) AS h,
           coalesce(person, nullif(trim(concat_ws(' ', first_name, last_name)), '')) AS who
    FROM stg_entries
)
SELECT line,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       client_key,
       from_project,
       project,
       day,
       "date" AS day_text,
       h AS hours,
       hours AS hours_text,
       'hours' AS hours_col,
       CASE WHEN $billable_missing THEN $billable_default ELSE import_bool(billable) END AS billable,
       billable AS billable_text,
       NULL::VARCHAR AS activity_given,
       NULL::VARCHAR AS activity_text,
       task, tags, note,
       who AS person,
       TRY_CAST(connector_decimal_text(billable_amount, $decimal) AS DECIMAL(14, 2)) AS billable_amt,
       billable_amount AS billable_amount_text,
       TRY_CAST(connector_decimal_text(cost_amount, $decimal) AS DECIMAL(14, 2)) AS cost_amt,
       cost_amount AS cost_amount_text,
       connector_currency(currency) AS currency,
       currency AS currency_text,
       -- Cost Amount is in the account's currency, not the client's: Harvest keeps one cost rate a
       -- person, for every project (its help, "Setting and editing cost rates"), and the export's
       -- Currency is the client's. The account's is read as the portfolio's ($home).
       CASE WHEN connector_currency(currency) <> $home THEN CAST($home AS VARCHAR) END AS cost_currency,
       -- the identity's parts after the client (a column alias reused below, as DuckDB allows)
       concat_ws(chr(31), coalesce(strftime(day, '%Y-%m-%d'), ''),
                 coalesce(connector_norm(who), ''), coalesce(TRY_CAST(round(h * 3600) AS BIGINT)::VARCHAR, ''),
                 coalesce(connector_norm(project), ''), coalesce(connector_norm(task), ''),
                 coalesce(connector_norm(note), '')) AS key_tail,
       concat_ws(chr(31), 'harvest-time', client_key, key_tail) AS key_base,
       -- the same without the client: the entry's identity across a rename in Harvest (work_key)
       concat_ws(chr(31), 'harvest-time', key_tail) AS work_base,
       []::VARCHAR[] AS legacy_bases,  -- (toggl_time_parse's: this identity never changed)
       CASE WHEN client_key IS NULL THEN 'no client' WHEN h = 0 THEN 'no time' END AS skip
FROM s;
