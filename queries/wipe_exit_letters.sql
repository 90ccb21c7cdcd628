-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every exit_letters row goes.
DELETE FROM exit_letters;
