# Readiness over time (docs/reports.md, "Readiness over time"): --since picks
# the activity shown, while readiness rests on each trainee's latest
# attempts overall, even one started before the window.
db="$WORK/time.db"
S="$SOURCE_DIR/scenarios"
play_as() { # EPOCH TRAINEE SCENARIO ANSWERS
  SOURCE_DATE_EPOCH=$1 expect_exit 0 -- "$CRISISDRILL" play "$3" --headless --answers "$S/$3/answers/$4.txt" \
    --trainee "$2" --db "$db"
}
# eve: both scenarios passed on Tuesday 2023-11-14, data-leak-rumour failed on Thursday 16th,
# complaint-snowball passed again on Saturday 18th (the window starts on the 17th).
play_as 1700000000 eve complaint-snowball good
play_as 1700000000 eve data-leak-rumour good
play_as 1700100000 eve data-leak-rumour poor
play_as 1700300000 eve complaint-snowball good
# ann: complaint-snowball passed on the 18th, nothing else.
play_as 1700300000 ann complaint-snowball good

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
finish
