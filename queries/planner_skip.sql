-- Planning without the optimizer passes $optimizers names (comma-separated): see
-- health_tui/scoring/facts.py, SKIPPED_PASSES. A setting of this connection only.
SET disabled_optimizers = $optimizers;
