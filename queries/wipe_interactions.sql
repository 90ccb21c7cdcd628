-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every interactions row goes.
DELETE FROM interactions;
