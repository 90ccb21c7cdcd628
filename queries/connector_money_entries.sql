-- connector: what the time export's amounts bring, for the summary: the entries (and hours) with a
-- cost amount, those whose Cost Amount is 0 (no cost rate set: an unknown cost), the billable ones
-- with a billable amount, and the billable ones with none (or 0) with the clients they belong to,
-- by most such hours (such a client has no revenue estimated from its amounts); and the entries
-- whose cost is in a currency of its own.
WITH unpriced AS (
    SELECT r.client_id, arg_min(c.name, c.first_line) AS name, sum(r.hours) AS hours
    FROM src_rows r JOIN src_clients c USING (client_id)
    WHERE r.billable AND coalesce(r.billable_amount, 0) = 0
    GROUP BY r.client_id
)
SELECT count(*) FILTER (WHERE cost_amount IS NOT NULL) AS costed,
       coalesce(sum(hours) FILTER (WHERE cost_amount IS NOT NULL), 0) AS costed_hours,
       count(*) FILTER (WHERE cost_zero) AS zero_cost,
       coalesce(sum(hours) FILTER (WHERE cost_zero), 0) AS zero_cost_hours,
       count(*) FILTER (WHERE billable AND billable_amount > 0) AS valued,
       coalesce(sum(hours) FILTER (WHERE billable AND billable_amount > 0), 0) AS valued_hours,
       count(*) FILTER (WHERE billable AND coalesce(billable_amount, 0) = 0) AS unpriced,
       coalesce(sum(hours) FILTER (WHERE billable AND coalesce(billable_amount, 0) = 0), 0) AS unpriced_hours,
       (SELECT list(name ORDER BY hours DESC, name) FROM unpriced) AS unpriced_clients,
       -- costs in a currency of their own (Harvest's, in the account's): how many, in which, and
       -- the currencies of the amounts beside them
       count(*) FILTER (WHERE cost_currency IS NOT NULL) AS own_cost,
       any_value(cost_currency) FILTER (WHERE cost_currency IS NOT NULL) AS cost_currency,
       list(DISTINCT amount_currency ORDER BY amount_currency) FILTER (WHERE cost_currency IS NOT NULL)
           AS billed_in
FROM src_rows;
