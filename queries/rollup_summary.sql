-- What the rollups hold, in a few figures: clients with time, quarters of time and their hours,
-- clients with messages, quarters of messages and how many.
SELECT (SELECT count(DISTINCT client_id) FROM rollup_time) AS time_clients,
       (SELECT count(*) FROM rollup_time) AS time_rows,
       (SELECT coalesce(sum(hours), 0)::DOUBLE FROM rollup_time) AS hours,
       (SELECT count(DISTINCT client_id) FROM rollup_interactions) AS message_clients,
       (SELECT count(*) FROM rollup_interactions) AS message_rows,
       (SELECT coalesce(sum(n_interactions), 0) FROM rollup_interactions) AS messages;
