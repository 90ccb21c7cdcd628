-- zendesk, freshdesk: the staged helpdesk ticket export (stg_touches) as typed interactions, one per
-- ticket; a value that does not read is NULL here and named by connector_validate_touches. What each
-- column means is the source's data (helpdesk.py), bound as parameters:
--   * the client: the ticket's organization (Zendesk's Organization, Freshdesk's Company Name), else
--     its domain (Zendesk's Requester domain, the first of Freshdesk's Company Domains), else the
--     requester's email domain, matched in connector_match_signals; never a new client. The
--     requester's address (address_key) counts where the owner made it a client's alias.
--   * "at": when the ticket was created ($date_order or $date_format, decided for the whole file).
--   * channel: how it came in ($channel_keys -> $channel_values, lower case); one not listed is
--     $default_channel (channel_assumed, said in the summary).
--   * kind: the first of $tag_words found in the tags gives its $tag_kinds (escalation, revision,
--     scope...); else a priority in $urgent_priorities is an urgent request; else a ticket type in
--     $complaint_types (incident, problem) a complaint; else a request.
--   * sentiment: the satisfaction rating through $rating_keys -> $rating_values (Good 1, Bad -1);
--     ratings in neither (offered, unoffered) have none.
--   * note: the subject.
-- key_base, the identity of a ticket: the source ($source_name) and its ID, so a later export of
-- the same ticket replaces it. skip 'no client': neither an organization nor a requester domain.
CREATE OR REPLACE TEMP TABLE src_touches AS
WITH s AS (
    SELECT *,
           connector_timestamp("at", $date_order, $date_format::VARCHAR,
                               $timezone::VARCHAR) AS ts,
           words_of(tags) AS tag_text,
           lower(trim(channel)) AS via,
           lower(trim(satisfaction)) AS rating
    FROM stg_touches
),
tagged AS (
    SELECT s.line, arg_min(t.kind, t.pos) AS tag_kind
    FROM s
    JOIN (SELECT unnest($tag_words::VARCHAR[]) AS word, unnest($tag_kinds::VARCHAR[]) AS kind,
                 unnest(range(len($tag_words::VARCHAR[]))) AS pos) t
      ON contains(s.tag_text, rtrim(words_of(t.word)))
    GROUP BY s.line
)
SELECT s.line,
       ticket_id,
       true AS id_required,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       connector_norm(client) AS client_key,
       connector_domain(coalesce(split_part("domain", ',', 1), email)) AS domain_key,  -- a list: its first
       CASE WHEN "domain" IS NOT NULL THEN 'domain' ELSE 'email' END AS domain_col,
       -- the requester's address: an alias the owner gave it names its client (a contact writing
       -- from gmail.com, with no organization)
       CASE WHEN contains(email, '@') THEN name_key(email) END AS address_key,
       ts AS "at",
       s."at" AS at_text,
       coalesce(map_extract_value(MAP($channel_keys::VARCHAR[], $channel_values::VARCHAR[]), via),
                $default_channel) AS channel,
       s.channel AS channel_text,
       via IS NOT NULL
           AND map_extract_value(MAP($channel_keys::VARCHAR[], $channel_values::VARCHAR[]), via) IS NULL
           AS channel_assumed,
       CASE WHEN tg.tag_kind IS NOT NULL THEN tg.tag_kind
            WHEN list_contains($urgent_priorities::VARCHAR[], lower(trim(priority))) THEN 'urgent_request'
            WHEN list_contains($complaint_types::VARCHAR[], lower(trim(ticket_type))) THEN 'complaint'
            ELSE 'request' END AS kind,
       NULL::VARCHAR AS kind_text,
       CASE WHEN tg.tag_kind IS NOT NULL THEN 'tags'
            WHEN list_contains($urgent_priorities::VARCHAR[], lower(trim(priority))) THEN 'priority'
            WHEN list_contains($complaint_types::VARCHAR[], lower(trim(ticket_type))) THEN 'type'
       END AS kind_from,
       map_extract_value(MAP($rating_keys::VARCHAR[], $rating_values::DOUBLE[]), rating) AS sentiment,
       NULL::VARCHAR AS sentiment_text,
       satisfaction AS rating_text,
       rating IS NOT NULL AND NOT list_contains($rating_keys::VARCHAR[], rating)
           AND NOT list_contains($unrated::VARCHAR[], rating) AS rating_unknown,
       note,
       concat_ws(chr(31), $source_name, coalesce(ticket_id, '')) AS key_base,
       CASE WHEN connector_norm(client) IS NULL AND connector_domain(coalesce("domain", email)) IS NULL
            THEN 'no client' END AS skip
FROM s
LEFT JOIN tagged tg USING (line);
