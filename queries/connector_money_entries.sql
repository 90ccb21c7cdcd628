-- connector: what the time export's amounts bring, for the summary: the entries (and hours) with a
-- cost amount, those whose Cost Amount is 0 (no cost rate set: an unknown cost), and those with a
-- billable amount.
SELECT count(*) FILTER (WHERE cost_amount IS NOT NULL) AS costed,
       coalesce(sum(hours) FILTER (WHERE cost_amount IS NOT NULL), 0) AS costed_hours,
       count(*) FILTER (WHERE cost_zero) AS zero_cost,
       coalesce(sum(hours) FILTER (WHERE cost_zero), 0) AS zero_cost_hours,
       count(*) FILTER (WHERE billable_amount IS NOT NULL) AS valued,
       coalesce(sum(hours) FILTER (WHERE billable_amount IS NOT NULL), 0) AS valued_hours
FROM src_rows;
