-- The owner's track record, part 1: how often each recommendation was followed in the quarters
-- before $quarter. One decision counts per quarter and client: the one in force (the latest
-- recorded). Following a watch is keeping the client; a defer neither follows nor overrides.
-- Decisions recorded without a verdict (no recommendation) are counted apart.
WITH d AS (
    SELECT quarter, client_id, decision, recommendation
    FROM review_decisions
    WHERE quarter < $quarter
    QUALIFY row_number() OVER (
                PARTITION BY quarter, client_id ORDER BY decided_at DESC, decision_id DESC
            ) = 1
),
by_decision AS (
    SELECT recommendation, decision, count(*) AS n,
           decision = recommendation OR (recommendation = 'watch' AND decision = 'keep') AS followed
    FROM d
    WHERE recommendation IS NOT NULL
    GROUP BY ALL
)
SELECT recommendation,
       sum(n)::INTEGER AS decisions,
       coalesce(sum(n) FILTER (WHERE followed), 0)::INTEGER AS followed,
       coalesce(sum(n) FILTER (WHERE decision = 'defer'), 0)::INTEGER AS deferred,
       coalesce(list(struct_pack(decision := decision, n := n::INTEGER) ORDER BY n DESC, decision)
                FILTER (WHERE NOT followed AND decision <> 'defer'), []) AS overrides
FROM by_decision
GROUP BY recommendation
ORDER BY recommendation;
