-- mapping: a staged sheet of feedback scores (stg_answers, its columns named by the mapping file: survey
-- answers from Typeform, Google Forms, Delighted...) as typed scores, one per line; a value that does
-- not read is NULL here and named by connector_validate_answers. The date reads in $date_order or
-- $date_format, a time of day and a zone after it allowed ('2026-09-20 08:03:55'); the score is a
-- whole number from 0 to 10, or from the mapping's score_from ($score_from, 1 unless it says 0) to its
-- score_out_of ($out_of: a 1-5 survey), then read on 0 to 10, the lowest answer 0 and the top 10
-- (a 1-5 survey's 3 is 5, its 4 7.5, halves rounded up: 8). The client: the client field, else the email or domain field, matched
-- in connector_match_signals; never a new client.
-- key_base, the identity of an answer: the mapping's name ($source_name) and its id field when it has
-- one (a response id: a later export replaces it); else its client, date, score and comment,
-- normalised, answers alike in all of these told apart by their order in the file.
-- skip: 'partial' (no score or no date: a survey answered only in part, left out with a warning),
-- 'no client' (neither a client nor a domain).
CREATE OR REPLACE TEMP TABLE src_answers AS
WITH s AS (
    SELECT *,
           connector_date("date", $date_order, $date_format::VARCHAR) AS day,
           -- the survey's own words for its answers ([values.score]: "Very satisfied" = 5), else a number
           coalesce(map_extract_value(MAP($score_keys::VARCHAR[], $score_values::INTEGER[]), lower(trim(score))),
                    import_int(score)) AS sc,
           connector_norm(client) AS client_key,
           connector_domain("domain") AS domain_key
    FROM stg_answers
)
SELECT line,
       response_id,
       regexp_replace(client, '\s+', ' ', 'g') AS client,
       client_key,
       domain_key,
       -- an email address in the domain field: an alias the owner gave it names its client
       CASE WHEN contains("domain", '@') THEN name_key("domain") END AS address_key,
       'domain' AS domain_col,
       day,
       "date" AS day_text,
       CASE WHEN $out_of IS NULL THEN sc
            ELSE CAST(round((sc - CAST($score_from AS INTEGER)) * 10.0
                            / (CAST($out_of AS INTEGER) - CAST($score_from AS INTEGER))) AS INTEGER)
       END AS score,
       sc AS score_given,
       coalesce(CAST($out_of AS INTEGER), 10) AS score_top,
       CAST($score_from AS INTEGER) AS score_bottom,
       s.score AS score_text,
       "comment",
       CASE WHEN response_id IS NOT NULL THEN concat_ws(chr(31), $source_name, 'id', response_id)
            ELSE concat_ws(chr(31), $source_name, coalesce(client_key, ''), coalesce(domain_key, ''),
                           coalesce(strftime(day, '%Y-%m-%d'), ''), coalesce(sc::VARCHAR, ''),
                           coalesce(connector_norm("comment"), '')) END AS key_base,
       CASE WHEN s.score IS NULL OR s."date" IS NULL THEN 'partial'
            WHEN client_key IS NULL AND domain_key IS NULL THEN 'no client' END AS skip
FROM s;
