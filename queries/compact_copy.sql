-- compact: everything in `src` (tables, views, macros, sequences with their values) into `dst`.
COPY FROM DATABASE src TO dst;
