-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every exit_steps row goes.
DELETE FROM exit_steps;
