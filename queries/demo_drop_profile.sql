-- demo: the per-client profile is scaffolding; the five history tables are the product.
DROP TABLE IF EXISTS demo_profile;
