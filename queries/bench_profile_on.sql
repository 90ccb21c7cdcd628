-- bench: DuckDB's profile of every statement that follows on this connection, per operator, kept
-- in memory (bench/profile_facts.py reads it with get_profiling_information).
PRAGMA enable_profiling = 'no_output';
PRAGMA profiling_mode = 'detailed';
