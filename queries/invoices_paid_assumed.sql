-- export --import-format: how many invoices were paid on a day their export did not give
-- (queries/migrate_013.sql), which the import format cannot say.
SELECT count(*) FROM invoices WHERE paid_on_assumed AND paid_on IS NOT NULL AND amount >= 0;
