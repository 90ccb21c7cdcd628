-- The owner's track record: the quarters before $quarter with decisions in force, how many, and
-- how many of those were recorded without a verdict to compare with.
SELECT quarter,
       count(*)::INTEGER AS decisions,
       count(*) FILTER (WHERE recommendation IS NULL)::INTEGER AS without_verdict
FROM (
    SELECT quarter, client_id, recommendation
    FROM review_decisions
    WHERE quarter < $quarter
    QUALIFY row_number() OVER (
                PARTITION BY quarter, client_id ORDER BY decided_at DESC, decision_id DESC
            ) = 1
)
GROUP BY quarter
ORDER BY quarter;
