-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every review_decisions row goes.
DELETE FROM review_decisions;
