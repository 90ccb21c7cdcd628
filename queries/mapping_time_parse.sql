-- mapping: a staged spreadsheet of time (stg_entries, its columns named by the mapping file) as typed
-- entries, one per line; a value that does not read is NULL here and named by
-- connector_validate_entries. Hours are decimal ('1.5', '1,5' with $decimal ',') or h:mm ('1:30'),
-- else from the start and end times (connector_span). The client is the client field, else the
-- project (connector_client_name; $client_from forces either).
-- Billable values go through the mapping's [values.billable] ($billable_keys -> $billable_values,
-- keys in lower case) before yes/no/true/false/1/0; a missing billable column means
-- $billable_default. An activity value goes through [values.activity] ($activity_keys ->
-- $activity_values) or may be one of the five activities itself; any other text is left to the
-- activity words, like a task.
-- key_base, the identity of the entry: the mapping's name ($source_name), client, date, person,
-- project, task, note, activity as written and hours in whole seconds, normalised; entries alike
-- in all of these are told apart by their order in the file. work_base: the same without the client.
-- Money where the mapping names it (billable_amount, cost_amount, currency), read as Harvest's:
-- what an entry is worth to the client and what it cost (a Clockify export read through a mapping
-- lost its revenue estimates).
-- skip: 'no client' and 'no time' (0 hours), counted in the summary rather than refused.
CREATE OR REPLACE TEMP TABLE src_entries AS
WITH s AS (
    SELECT * REPLACE (connector_client_name(client, project, $client_from) AS client),
           connector_norm(connector_client_name(client, project, $client_from)) AS client_key,
           connector_client_name(client, project, $client_from) IS NOT NULL
               AND CASE $client_from WHEN 'project' THEN true WHEN 'client' THEN false
                                     ELSE client IS NULL END AS from_project,
           connector_date("date", $date_order, $date_format::VARCHAR) AS day,
           CASE WHEN hours IS NOT NULL OR (start_time IS NULL AND end_time IS NULL)
                THEN connector_duration(hours, $decimal) ELSE connector_span(start_time, end_time) END AS h,
           CASE WHEN hours IS NOT NULL OR (start_time IS NULL AND end_time IS NULL) THEN 'hours'
                WHEN connector_time_of(start_time) IS NULL THEN 'start_time'
                ELSE 'end_time' END AS h_col,
           coalesce(map_extract_value(MAP($activity_keys::VARCHAR[], $activity_values::VARCHAR[]), lower(activity)),
                    CASE WHEN lower(activity) IN ('delivery', 'revision', 'meeting', 'support', 'admin')
                         THEN lower(activity) END) AS given
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
       CASE h_col WHEN 'hours' THEN hours WHEN 'start_time' THEN start_time ELSE end_time END AS hours_text,
       h_col AS hours_col,
       CASE WHEN $billable_missing THEN $billable_default
            ELSE coalesce(map_extract_value(MAP($billable_keys::VARCHAR[], $billable_values::BOOLEAN[]), lower(coalesce(billable, ''))),
                          import_bool(billable)) END AS billable,
       billable AS billable_text,
       given AS activity_given,
       activity AS activity_text,
       CASE WHEN given IS NULL THEN concat_ws(' ', task, activity) ELSE task END AS task,
       tags, note, person,
       TRY_CAST(connector_decimal_text(billable_amount, $decimal) AS DECIMAL(14, 2)) AS billable_amt,
       billable_amount AS billable_amount_text,
       TRY_CAST(connector_decimal_text(cost_amount, $decimal) AS DECIMAL(14, 2)) AS cost_amt,
       cost_amount AS cost_amount_text,
       -- else the currency an amount column's title names ($amount_currency: "Importe facturable
       -- (EUR)"), where neither a currency column nor [fixed] gives one
       connector_currency(coalesce(currency, $amount_currency::VARCHAR)) AS currency,
       coalesce(currency, $amount_currency::VARCHAR) AS currency_text,
       NULL::VARCHAR AS cost_currency,  -- the cost amounts are in `currency` too
       -- the identity's parts after the client (a column alias reused below, as DuckDB allows)
       concat_ws(chr(31), coalesce(strftime(day, '%Y-%m-%d'), ''),
                 coalesce(connector_norm(person), ''), coalesce(TRY_CAST(round(h * 3600) AS BIGINT)::VARCHAR, ''),
                 coalesce(connector_norm(project), ''), coalesce(connector_norm(task), ''),
                 coalesce(connector_norm(note), ''), coalesce(connector_norm(activity), '')) AS key_tail,
       concat_ws(chr(31), $source_name, client_key, key_tail) AS key_base,
       -- the same without the client: the entry's identity across a client renamed in the sheet
       concat_ws(chr(31), $source_name, key_tail) AS work_base,
       []::VARCHAR[] AS legacy_bases,  -- (toggl_time_parse's: this identity never changed)
       CASE WHEN client_key IS NULL THEN 'no client' WHEN h = 0 THEN 'no time' END AS skip
FROM s;
