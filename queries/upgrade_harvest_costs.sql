-- After the upgrade to schema 17: Harvest time entries with a cost amount, and how many currencies
-- their clients are billed in. Where there are two or more, the costs of the clients billed in a
-- currency other than the account's were stored in the client's (as an earlier health-tui read
-- them) and stay so until the export is imported again (migrate_017's cost_currency).
SELECT count(*), count(DISTINCT amount_currency)
FROM time_entries
WHERE source = 'harvest-time' AND cost_amount IS NOT NULL AND amount_currency IS NOT NULL;
