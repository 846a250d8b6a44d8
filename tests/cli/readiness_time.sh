# Readiness over time (docs/reports.md, "Readiness over time"): --since picks
# the activity shown, while readiness rests on each trainee's latest
# attempts overall, even one started before the window.
db="$WORK/time.db"
# eve: both scenarios passed on Tuesday 2023-11-14, data-leak-rumour failed on Thursday 16th,
# complaint-snowball passed again on Saturday 18th (the window starts on the 17th).
play_at 1700000000 eve complaint-snowball good
play_at 1700000000 eve data-leak-rumour good
play_at 1700100000 eve data-leak-rumour poor
play_at 1700300000 eve complaint-snowball good
# ann: complaint-snowball passed on the 18th, nothing else.
play_at 1700300000 ann complaint-snowball good

for scope in "--team" "--team eve" "--trainee eve"; do
  # shellcheck disable=SC2086 # the scope's words
  expect_exit 0 -- "$CRISISDRILL" report $scope --since 2023-11-17 --format json --db "$db"
  verdict=$(sqlite3 :memory: "select value ->> 'ready' || ' ' || (value ->> 'verdict') from
    json_each(readfile('$WORK/out') -> 'trainees') where value ->> 'name' = 'eve'")
  case $verdict in
    "0 not ready: 1 of 2 latest attempts under 70 % of the maximum (lowest -168.4 %, data-leak-rumour)"*) ;;
    *) fail "$scope --since: eve's failed attempt before the window was forgotten: $verdict" ;;
  esac
  # The activity shown is the window's: one session of eve.
  expect_value ":memory:" "select value ->> 'sessions' from json_each(readfile('$WORK/out') -> 'trainees')
    where value ->> 'name' = 'eve'" 1
done
expect_exit 0 -- "$CRISISDRILL" report --team --since 2023-11-17 --db "$db"
expect_in "$WORK/out" "Team · 2 trainees · 1 ready"
expect_in "$WORK/out" "train next: competency perimeter · rule perimeter.leak.reply · scenario data-leak-rumour"

# ---- --trend: the team's readiness at the end of each ISO week ----
db="$WORK/weeks.db"
play_at 1700000000 eve complaint-snowball good   # 2023-W46 (Tuesday 14 Nov)
play_at 1700000100 eve data-leak-rumour good
play_at 1700500000 eve data-leak-rumour poor     # 2023-W47 (Monday 20 Nov)
play_at 1700600000 ann complaint-snowball good
play_at 1701700000 ann data-leak-rumour good     # 2023-W49 (Monday 4 Dec); nothing in W48
play_at 1701700100 eve data-leak-rumour good
expect_exit 0 -- "$CRISISDRILL" report --team --trend --format json --db "$db"
trend=$(sqlite3 :memory: "select group_concat(value ->> 'week' || ' ' || (value ->> 'sessions') || ' ' ||
  (value ->> 'active') || ' ' || (value ->> 'judged') || ' ' || (value ->> 'ready'), ', ')
  from json_each(readfile('$WORK/out') -> 'trend')")
[ "$trend" = "2023-W46 2 1 1 1, 2023-W47 2 2 2 1, 2023-W48 0 0 2 1, 2023-W49 2 2 2 2" ] ||
  fail "trend (week sessions active judged ready): $trend"
# Its sessions are the database's, week by week (Monday of each session's week, by SQLite).
by_sql=$(sql "$db" "select group_concat(monday || ' ' || n, ', ') from (select date(started_at, 'weekday 0', '-6 days')
  as monday, count(*) as n from sessions group by monday order by monday)")
by_trend=$(sqlite3 :memory: "select group_concat((value ->> 'monday') || ' ' || (value ->> 'sessions'), ', ')
  from json_each(readfile('$WORK/out') -> 'trend') where value ->> 'sessions' > 0")
[ "$by_sql" = "$by_trend" ] || fail "trend sessions per week: $by_trend, the database says $by_sql"
# --since starts the weeks shown, not the history: eve's passes of W46 still count in W47.
expect_exit 0 -- "$CRISISDRILL" report --team --trend --since 2023-11-20 --format json --db "$db"
expect_value ":memory:" "select group_concat(value ->> 'week' || ' ' || (value ->> 'judged') || ' ' || (value ->> 'ready'),
  ', ') from json_each(readfile('$WORK/out') -> 'trend')" "2023-W47 2 1, 2023-W48 2 1, 2023-W49 2 2"
# Text and HTML say the same.
expect_exit 0 -- "$CRISISDRILL" report --team --trend --db "$db"
expect_in "$WORK/out" "Readiness week by week"
expect_in "$WORK/out" "  2023-W47  2023-11-20         2       2       2      1"
expect_exit 0 -- "$CRISISDRILL" report --team --trend --format html --db "$db"
expect_in "$WORK/out" '<section id="trend">'
expect_in "$WORK/out" '<tr><th scope="row">2023-W48</th><td>2023-11-27</td><td class="n">0</td><td class="n">0</td><td class="n">2</td><td class="n">1</td></tr>'
expect_exit 0 -- "$CRISISDRILL" report --team --trend --lang fr --db "$db"
expect_in "$WORK/out" "Aptitude semaine par semaine"

# ISO weeks at the turn of a year (2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01), and at most
# the last 104 weeks shown, the earlier ones still counted.
db="$WORK/years.db"
play_at 1609632000 zoe complaint-snowball good
expect_exit 0 -- "$CRISISDRILL" report --team --trend --format json --db "$db"
expect_value ":memory:" "select group_concat(value ->> 'week', ',') from json_each(readfile('$WORK/out') -> 'trend')" \
  "2020-W53"
play_at 1735550000 zoe data-leak-rumour good
expect_exit 0 -- "$CRISISDRILL" report --team --trend --format json --db "$db"
expect_value ":memory:" "select count(*) || ' ' || min(value ->> 'week') || ' ' || max(value ->> 'week') || ' ' ||
  sum(value ->> 'sessions') || ' ' || min(value ->> 'judged') from json_each(readfile('$WORK/out') -> 'trend')" \
  "104 2023-W02 2025-W01 1 1"
db="$WORK/weeks.db"

# ---- --compare DATE: before against on and after ----
expect_exit 0 -- "$CRISISDRILL" report --team --compare 2023-11-20 --format json --db "$db"
expect_value ":memory:" "select json_extract(readfile('$WORK/out'), '$.compare.before.ready', '$.compare.before.judged',
  '$.compare.before.completed', '$.compare.after.ready', '$.compare.after.judged', '$.compare.after.completed')" \
  '[1,1,2,2,2,4]'
# The averages are those of the score rows of each period's completed sessions.
want=$(sql "$db" "select printf('%.1f', sum(points) * 1.0 / (select count(*) from sessions where status = 'completed'
  and started_at < '2023-11-20')) from scores join sessions s on s.id = session_id where competency = 'perimeter'
  and s.status = 'completed' and s.started_at < '2023-11-20'")
expect_value ":memory:" "select printf('%.1f', json_extract(readfile('$WORK/out'), '$.compare.before.average_points.perimeter'))" "$want"
expect_exit 0 -- "$CRISISDRILL" report --team --compare 2023-11-20 --db "$db"
expect_in "$WORK/out" "Before and after 2023-11-20"
expect_in "$WORK/out" "  ready                      1 of 1     2 of 2"
# ---- --until DATE: the report as it stood at the end of that day ----
expect_exit 0 -- "$CRISISDRILL" report --team --until 2023-11-21 --format json --db "$db"
expect_value ":memory:" "select group_concat((value ->> 'name') || ' ' || (value ->> 'ready') || ' ' ||
  (value ->> 'sessions'), ', ') from json_each(readfile('$WORK/out') -> 'trainees')" "ann 1 1, eve 0 3"
expect_value ":memory:" "select json_extract(readfile('$WORK/out'), '$.query.until')" "2023-11-21"
expect_exit 0 -- "$CRISISDRILL" report --team --trend --until 2023-11-26 --format json --db "$db"
expect_value ":memory:" "select group_concat(value ->> 'week', ', ') from json_each(readfile('$WORK/out') -> 'trend')" \
  "2023-W46, 2023-W47"
expect_exit 0 -- "$CRISISDRILL" report --trainee eve --since 2023-11-20 --until 2023-11-20 --db "$db"
expect_in "$WORK/out" "Trainee eve · 1 session (1 completed) · best -160 · last -160 · median -160 · since 2023-11-20 · until 2023-11-20"
expect_exit 1 -- "$CRISISDRILL" report --trainee ann --until 2023-11-01 --db "$db"
expect_in "$WORK/err" "no sessions of trainee 'ann' until 2023-11-01"
expect_exit 2 -- "$CRISISDRILL" report --session 1 --until 2023-11-01 --db "$db"
expect_exit 2 -- "$CRISISDRILL" report --team --until 2023-11 --db "$db"
# Usage: a team's, in the formats that hold sections.
expect_exit 2 -- "$CRISISDRILL" report --trainee eve --trend --db "$db"
expect_in "$WORK/err" "--trend goes with --team"
expect_exit 2 -- "$CRISISDRILL" report --team --compare 2023-13-01 --db "$db"
expect_exit 2 -- "$CRISISDRILL" report --team --trend --format csv --db "$db"
finish
