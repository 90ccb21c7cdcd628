-- The owner's track record, part 3: the exits taken in the quarters before $quarter (clients whose
-- latest decision there is exit), the quarter the exit was first decided (after any change of
-- mind), what the app recommended then, and the revenue and hours of the twelve months to the end
-- of that quarter: the four quarters up to it, as that quarter's score counts them (invoices by
-- issue date in the portfolio's currency, $rate_codes/$rate_values converting the others; time
-- entries by date). The decision itself does not store them. Revenue is NULL (not known) for a
-- client with no invoice on record up to that quarter's end, or with hours in those four quarters
-- and no invoice in them (as the score's revenue_12m_on_record; an estimate from billable amounts
-- is not made here); hours are NULL for a client with no time entry.
WITH d AS (
    SELECT quarter, client_id, decision, recommendation, decided_at
    FROM review_decisions
    WHERE quarter < $quarter
    QUALIFY row_number() OVER (
                PARTITION BY quarter, client_id ORDER BY decided_at DESC, decision_id DESC
            ) = 1
),
last_other AS (
    SELECT client_id, max(quarter) FILTER (WHERE decision <> 'exit') AS quarter
    FROM d GROUP BY client_id
),
ex AS (
    SELECT d.client_id,
           min(d.quarter) AS quarter,
           arg_min(d.decided_at, d.quarter) AS decided_at,
           arg_min(d.recommendation, d.quarter) AS recommendation,
           CAST(substr(min(d.quarter), 1, 4) AS INTEGER) * 4
               + CAST(substr(min(d.quarter), 6, 1) AS INTEGER) - 1 AS qx
    FROM d JOIN last_other o ON o.client_id = d.client_id
    WHERE d.decision = 'exit' AND (o.quarter IS NULL OR d.quarter > o.quarter)
    GROUP BY d.client_id
),
revenue AS (
    SELECT e.client_id,
           sum(i.amount::DOUBLE * CASE WHEN i.currency IS NULL OR i.currency = $currency THEN 1.0
                    ELSE map_extract_value(MAP($rate_codes::VARCHAR[], $rate_values::DOUBLE[]), i.currency)
               END) AS revenue_12m
    FROM ex e
    JOIN invoices i ON i.client_id = e.client_id
     AND year(i.issued_on) * 4 + quarter(i.issued_on) - 1 BETWEEN e.qx - 3 AND e.qx
    GROUP BY e.client_id
),
hours AS (
    SELECT e.client_id, sum(t.hours)::DOUBLE AS hours_12m
    FROM ex e
    JOIN time_entries t ON t.client_id = e.client_id
     AND year(t.date) * 4 + quarter(t.date) - 1 BETWEEN e.qx - 3 AND e.qx
    GROUP BY e.client_id
)
SELECT e.client_id,
       coalesce(c.name, e.client_id) AS name,
       e.quarter,
       e.decided_at,
       e.recommendation,
       CASE WHEN r.revenue_12m IS NOT NULL THEN round(r.revenue_12m, 2)
            -- hours in those quarters and no invoice in them: not billed yet, or billed elsewhere
            WHEN coalesce(h.hours_12m, 0) > 0 THEN NULL
            WHEN EXISTS (SELECT 1 FROM invoices i WHERE i.client_id = e.client_id
                                                AND year(i.issued_on) * 4 + quarter(i.issued_on) - 1 <= e.qx)
            THEN 0 END AS revenue_12m,
       CASE WHEN EXISTS (SELECT 1 FROM time_entries t WHERE t.client_id = e.client_id
                                                   AND year(t.date) * 4 + quarter(t.date) - 1 <= e.qx)
            THEN round(coalesce(h.hours_12m, 0), 2) END AS hours_12m
FROM ex e
LEFT JOIN clients c ON c.client_id = e.client_id
LEFT JOIN revenue r ON r.client_id = e.client_id
LEFT JOIN hours h ON h.client_id = e.client_id
ORDER BY e.quarter, e.decided_at, e.client_id;
