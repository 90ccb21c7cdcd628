-- The last day anything was worked or said: "today" for a portfolio whose data ends there.
SELECT greatest((SELECT max("date") FROM time_entries), (SELECT CAST(max("at") AS DATE) FROM interactions));
