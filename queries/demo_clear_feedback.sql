-- demo: the synthetic portfolio replaces whatever was in feedback (inside the caller's transaction).
DELETE FROM feedback;
