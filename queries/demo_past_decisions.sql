-- demo: decisions recorded so far, to count what a past review added.
SELECT count(*) FROM review_decisions;
