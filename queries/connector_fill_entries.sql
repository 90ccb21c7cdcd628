-- connector: a mapped time sheet's fields that have no column of their own, filled in stg_entries: a
-- [fixed] value for the whole file ($fixed_keys -> $fixed_values), or the value of the field whose
-- column it shares ($copy_to -> $copy_from: one column feeding two fields). Run only when the mapping
-- has either; every other field keeps its value.
UPDATE stg_entries AS s
SET client = r.v['client'], "date" = r.v['date'], hours = r.v['hours'], billable = r.v['billable'],
    activity = r.v['activity'], project = r.v['project'], task = r.v['task'], tags = r.v['tags'],
    note = r.v['note'], person = r.v['person'], start_time = r.v['start_time'], end_time = r.v['end_time']
FROM (
    SELECT line,
           connector_filled(m, $fixed_keys::VARCHAR[], $fixed_values::VARCHAR[],
                            $copy_to::VARCHAR[], $copy_from::VARCHAR[]) AS v
    FROM (
        SELECT line,
               MAP(['client', 'date', 'hours', 'billable', 'activity', 'project', 'task', 'tags', 'note',
                    'person', 'start_time', 'end_time'],
                   [client, "date", hours, billable, activity, project, task, tags, note, person,
                    start_time, end_time]) AS m
        FROM stg_entries
    )
) AS r
WHERE r.line = s.line;
