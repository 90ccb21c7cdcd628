-- mapping: a staged sheet of interactions (stg_touches, its columns named by the mapping file) as typed
-- interactions, one per line; a value that does not read is NULL here and named by
-- connector_validate_touches. The timestamp reads in $date_order or $date_format (a date alone is
-- midnight, a zone is dropped); channel and kind go through the mapping's [values.channel] and
-- [values.kind] ($channel_keys -> $channel_values, $kind_keys -> $kind_values, keys in lower case)
-- or may be one of ours as written; sentiment goes through [values.sentiment] ($sentiment_keys ->
-- $sentiment_values: the sheet's words or scale; $sentiment_none: its words for no tone, and a
-- helpdesk's Offered), else is a number from -1 to 1 read with $decimal.
-- The client: the client field, else the email or domain field, matched in connector_match_signals;
-- never a new client.
-- key_base, the identity of a row: the mapping's name ($source_name) and its id field when it has
-- one (a ticket number: a later export replaces it); else its client, time, channel, kind and note,
-- normalised, rows alike in all of these told apart by their order in the file.
-- skip 'no client': neither a client nor a domain.
CREATE OR REPLACE TEMP TABLE src_touches AS
WITH s AS (
    SELECT *,
           -- a time of day in a column of its own (a log kept by hand: Datum, Uhrzeit) goes with
           -- the date, so an urgent call at 21:30 is after hours
           connector_timestamp(CASE WHEN "time" IS NOT NULL THEN concat_ws(' ', "at", "time")
                                    ELSE "at" END, $date_order, $date_format::VARCHAR,
                               $timezone::VARCHAR) AS ts,
           -- ours as written, or as people say them in the languages the imports read ("call",
           -- "e-mail", "Teléfono": $said_keys -> $said_values, health_tui/record.py CHANNEL_WORDS,
           -- keyed as record.said writes a word)
           coalesce(map_extract_value(MAP($channel_keys::VARCHAR[], $channel_values::VARCHAR[]), lower(channel)),
                    CASE WHEN lower(trim(channel)) IN ('email', 'phone', 'meeting', 'chat', 'letter', 'sms', 'social')
                         THEN lower(trim(channel)) END,
                    map_extract_value(MAP($said_keys::VARCHAR[], $said_values::VARCHAR[]),
                                      trim(regexp_replace(strip_accents(lower(channel)), '[\s_-]+', ' ', 'g')))) AS ch,
           -- an empty cell is the word "" ([values.kind] "" = "request": a helpdesk's untagged
           -- tickets); else the most telling kind among the cell's tags ("urgent, bug", a Montréal
           -- shop's Help Scout export; Zendesk's "reclamacao urgente", its tags apart by spaces),
           -- each through [values.kind] or one of ours as written ("revision request" too)
           coalesce(map_extract_value(MAP($kind_keys::VARCHAR[], $kind_values::VARCHAR[]), lower(coalesce(kind, ''))),
                    o.kinds[list_min(list_filter(flatten(list_transform(
                        string_split_regex(lower(trim(kind)), '\s*[,;|]\s*'),
                        -- a tag read whole where it is a kind ("not urgent" mapped is not urgent),
                        -- else each of its words
                        lambda t: list_transform([connector_kind_at(trim(t), o.kinds, $kind_keys::VARCHAR[],
                                                                    $kind_values::VARCHAR[], true)],
                                                 lambda w: CASE WHEN w IS NOT NULL THEN [w] ELSE list_transform(
                                                     string_split_regex(trim(t), '\s+'),
                                                     lambda x: connector_kind_at(x, o.kinds, $kind_keys::VARCHAR[],
                                                                                 $kind_values::VARCHAR[], false)) END)[1])),
                        lambda p: p IS NOT NULL))]) AS k,
           coalesce(map_extract_value(MAP($sentiment_keys::VARCHAR[], $sentiment_values::DOUBLE[]),
                                      lower(trim(sentiment))),
                    TRY_CAST(connector_decimal_text(sentiment, $decimal) AS DOUBLE)) AS sent,
           -- a word for no tone ([values.sentiment] "Oferecido" = "", Zendesk's Offered): as empty
           list_contains($sentiment_none::VARCHAR[], lower(trim(sentiment))) AS no_tone,
           connector_norm(client) AS client_key,
           connector_domain("domain") AS domain_key
    -- our kinds, the most telling first ($telling: health_tui/ingest/helpdesk.py TELLING, as a
    -- helpdesk's tags rank them)
    FROM stg_touches, (SELECT CAST($telling AS VARCHAR[]) AS kinds) o
)
SELECT line,
       ticket_id,
       false AS id_required,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       client_key,
       domain_key,
       -- an email address in the domain field: an alias the owner gave it names its client
       CASE WHEN contains("domain", '@') THEN name_key("domain") END AS address_key,
       'domain' AS domain_col,
       ts AS "at",
       s."at" AS at_text,
       ch AS channel,
       s.channel AS channel_text,
       false AS channel_assumed,
       k AS kind,
       s.kind AS kind_text,
       NULL::VARCHAR AS kind_from,
       CASE WHEN NOT no_tone THEN sent END AS sentiment,
       CASE WHEN NOT no_tone THEN s.sentiment END AS sentiment_text,
       NULL::VARCHAR AS rating_text,
       false AS rating_unknown,
       note,
       CASE WHEN ticket_id IS NOT NULL THEN concat_ws(chr(31), $source_name, 'id', ticket_id)
            ELSE concat_ws(chr(31), $source_name, coalesce(client_key, ''), coalesce(domain_key, ''),
                           coalesce(strftime(ts, '%Y-%m-%d %H:%M:%S'), ''), coalesce(ch, ''),
                           coalesce(k, ''), coalesce(connector_norm(note), '')) END AS key_base,
       CASE WHEN client_key IS NULL AND domain_key IS NULL THEN 'no client' END AS skip
FROM s;
