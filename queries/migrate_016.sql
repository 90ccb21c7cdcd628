-- Schema 16: whether a client's start is known (start_known): given by the owner (`clients start`,
-- the correct form) or by a clients file, and not contradicted by earlier work an export shows.
-- Otherwise the start is only the first day on record (an export's first row), and the screens,
-- the reasons and the letter say "on record since", not "client since" (a Bristol agency's
-- four-year client read "client since 2025-07-01"). The view is migrate_015's, this column aside.
CREATE OR REPLACE VIEW clients AS
SELECT r.client_id,
       r.name,
       CASE WHEN f.has_started_on AND f.started_on IS NOT NULL THEN f.started_on
            WHEN r.seen_from < r.started_on THEN r.seen_from ELSE r.started_on END AS started_on,
       CASE WHEN f.has_ended_on THEN f.ended_on ELSE r.ended_on END AS ended_on,
       CASE WHEN f.has_referred_by THEN f.referred_by ELSE r.referred_by END AS referred_by,
       CASE WHEN f.has_industry THEN f.industry ELSE r.industry END AS industry,
       CASE WHEN f.has_notice_days THEN coalesce(f.notice_days, 30) ELSE r.notice_days END AS notice_days,
       CASE WHEN f.has_domain THEN f.domain ELSE r.domain END AS domain,
       coalesce(f.ignored, false) AS ignored,
       r.source,
       coalesce(f.has_started_on AND f.started_on IS NOT NULL, false)
           OR (r.source IN ('folder', 'demo') AND NOT coalesce(r.seen_from < r.started_on, false))
           AS start_known
FROM client_rows r
LEFT JOIN (
    SELECT client_id,
           bool_or(fact = 'started_on') AS has_started_on,
           TRY_CAST(max(value) FILTER (WHERE fact = 'started_on') AS DATE) AS started_on,
           bool_or(fact = 'ended_on') AS has_ended_on,
           TRY_CAST(max(value) FILTER (WHERE fact = 'ended_on') AS DATE) AS ended_on,
           bool_or(fact = 'referred_by') AS has_referred_by,
           max(value) FILTER (WHERE fact = 'referred_by') AS referred_by,
           bool_or(fact = 'industry') AS has_industry,
           max(value) FILTER (WHERE fact = 'industry') AS industry,
           bool_or(fact = 'notice_days') AS has_notice_days,
           TRY_CAST(max(value) FILTER (WHERE fact = 'notice_days') AS INTEGER) AS notice_days,
           bool_or(fact = 'domain') AS has_domain,
           max(value) FILTER (WHERE fact = 'domain') AS domain,
           bool_or(fact = 'ignored' AND value = 'true') AS ignored
    FROM client_facts
    GROUP BY client_id
) f USING (client_id);
