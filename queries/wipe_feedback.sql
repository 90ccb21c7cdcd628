-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every feedback row goes.
DELETE FROM feedback;
