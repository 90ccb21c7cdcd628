-- demo: the synthetic portfolio replaces whatever was in interactions (inside the caller's transaction).
DELETE FROM interactions;
