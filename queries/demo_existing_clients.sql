-- demo: how many clients the file holds now, to refuse overwriting data of unknown origin.
SELECT count(*) FROM clients;
