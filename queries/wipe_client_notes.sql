-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every client_notes row goes.
DELETE FROM client_notes;
