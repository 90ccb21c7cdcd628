-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every time_entries row goes.
DELETE FROM time_entries;
