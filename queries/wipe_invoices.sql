-- Emptying the store (a demo written, or an import over the demo portfolio; inside the caller's
-- transaction): every invoices row goes.
DELETE FROM invoices;
