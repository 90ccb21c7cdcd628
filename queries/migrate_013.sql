-- Schema 13: an unpaid invoice from an export keeps the day the import that wrote it ran
-- (`open_seen_on`): the export said it was unpaid then. An invoice list without payment dates
-- (Xero's) that later says PAID was read as paid on its due date, on time: a client who paid five
-- months late read as one who paid on time, in the quarters it stood unpaid too. It is now read as
-- paid no earlier than that day (connector_insert_bills). Rows written before this version have
-- none: for them the import warns instead (connector_paid_since_bills).
ALTER TABLE invoices ADD COLUMN open_seen_on DATE;
