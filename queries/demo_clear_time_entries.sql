-- demo: the synthetic portfolio replaces whatever was in time_entries (inside the caller's transaction).
DELETE FROM time_entries;
