-- Which of the given clients have any invoice on record up to a date: without one, "nothing is
-- unpaid" would be a guess (their invoices may live only in the accounting tool).
SELECT DISTINCT client_id
FROM invoices
WHERE list_contains($client_ids, client_id) AND issued_on <= CAST($as_of AS DATE);
