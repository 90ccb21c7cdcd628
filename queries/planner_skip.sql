-- Plan every query of the database without the optimizer passes $optimizers names (comma-separated):
-- see SKIPPED_PASSES in health_tui/store/connection.py. DuckDB's setting for the whole database.
SET disabled_optimizers = $optimizers;
