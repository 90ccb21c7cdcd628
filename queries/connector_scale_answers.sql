-- connector (feedback): how many answers the file scores and the highest score given, for a
-- warning where a survey on a 1-5 scale is read as out of 10 (every happy client a detractor).
SELECT count(*), max(score_given), any_value(score_top) FROM src_answers WHERE skip IS NULL;
