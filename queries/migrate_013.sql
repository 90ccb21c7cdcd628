-- Schema 13: what an invoice export said of a payment it gave no day for. `paid_on_assumed`: the
-- payment day is not the export's (it gave none: QuickBooks' Invoice List, Xero's, a sheet with a
-- status and no payment date): the invoice counts as paid, and how late it was paid as not known
-- (the facts query leaves it out of days late; it was read as paid on its due date, on time, and a
-- client paying two months late read as punctual). `unpaid_on`: the last day an export showed it
-- unpaid (the latest issue or payment day in that export: it was made no earlier), kept through
-- later imports, so one that says it is paid without a day cannot make it paid before that day: a
-- quarter reviewed with it unpaid and overdue reads the same after the next month's export.
-- Rows imported before this version say neither (importing the export again marks them).
ALTER TABLE invoices ADD COLUMN paid_on_assumed BOOLEAN DEFAULT false;
ALTER TABLE invoices ADD COLUMN unpaid_on DATE;
-- `amount_with_tax`: a row's amount as the client was billed it, with tax, where the export gave
-- both (a mapping's amount_with_tax: Montant TTC, Brutto): revenue is `amount`, without tax, but
-- what a client owes, in the exit checklist and the letter, is what the invoice says.
ALTER TABLE invoices ADD COLUMN amount_with_tax DECIMAL(14, 2);
