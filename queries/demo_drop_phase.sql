-- demo: the per-phase parameters are scaffolding; the five history tables are the product.
DROP TABLE IF EXISTS demo_phase;
