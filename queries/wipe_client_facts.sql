-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every client_facts row goes.
DELETE FROM client_facts;
