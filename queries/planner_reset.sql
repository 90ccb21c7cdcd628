-- Every optimizer pass again (bench/bench_score.py and the tests compare the two ways).
RESET disabled_optimizers;
