-- Every optimizer pass again, after a query planned without some (planner_skip).
RESET disabled_optimizers;
