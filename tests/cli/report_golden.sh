# The manager's reports compared byte for byte with tests/golden/: every
# scope in every format, from a fixture made deterministically (shipped
# scenarios played headless with fixed seeds, trainees and dates).
# After a deliberate change of a report, regenerate and review the diff:
#   UPDATE_GOLDEN=1 ctest --test-dir build-ci -R cli.report_golden
#   git diff tests/golden/
golden="$SOURCE_DIR/tests/golden"
db="$WORK/team.db"
day1=1700000000 # 2023-11-14T22:13:20Z
day2=1700086400 # 2023-11-15
day3=1700172800 # 2023-11-16

# play_on EPOCH TRAINEE SCENARIO ANSWERS SEED: one headless session on that date.
play_on() {
  SOURCE_DATE_EPOCH=$1 expect_exit 0 -- "$CRISISDRILL" play "$3" --headless --answers "$4" --trainee "$2" \
    --seed "$5" --db "$db"
}
S="$SOURCE_DIR/scenarios"
play_on $day1 ann complaint-snowball "$S/complaint-snowball/answers/poor.txt" 1
play_on $day1 bob complaint-snowball "$S/complaint-snowball/answers/good.txt" 2
play_on $day2 ann complaint-snowball "$S/complaint-snowball/answers/good.txt" 3
play_on $day2 ann data-leak-rumour "$S/data-leak-rumour/answers/good.txt" 4 # records openings
play_on $day2 bob hashtag-hijack "$S/hashtag-hijack/answers/poor.txt" 5
play_on $day3 cleo employee-viral "$S/employee-viral/answers/good.txt" 6
play_on $day3 bob hashtag-hijack "$S/hashtag-hijack/answers/good.txt" 7
play_on $day3 ann data-leak-rumour "$S/data-leak-rumour/answers/silent.txt" 8
[ "$(sql "$db" "select count(*) from sessions where status = 'completed'")" = 8 ] || fail "the fixture is incomplete"

# check NAME -- ARGS...: the report for ARGS equals tests/golden/NAME.
checked=0
check() {
  local name=$1; shift 2
  expect_exit 0 -- "$CRISISDRILL" report "$@" --db "$db" -o "$WORK/$name"
  checked=$((checked + 1))
  if [ -n "${UPDATE_GOLDEN:-}" ]; then
    cp "$WORK/$name" "$golden/$name"
  elif ! cmp -s "$WORK/$name" "$golden/$name"; then
    fail "report $* differs from tests/golden/$name (UPDATE_GOLDEN=1 regenerates; review the diff):"
    diff "$golden/$name" "$WORK/$name" 2>&1 | head -10 >&2
  fi
}
mkdir -p "$golden"
for format in text csv json; do
  ext=$format; [ "$format" = text ] && ext=txt
  check "session-1.$ext" -- --session 1 --format "$format"
  check "session-4.$ext" -- --session 4 --format "$format"
  check "trainee-ann.$ext" -- --trainee ann --format "$format"
  check "scenario-complaint-snowball.$ext" -- --scenario complaint-snowball --format "$format"
  check "team.$ext" -- --team --format "$format"
  check "team-ann-bob-since.$ext" -- --team ann,bob --since 2023-11-15 --ready-at 45 --format "$format"
done
check "team-summary.csv" -- --team --format csv --summary
check "trainee-bob-summary.csv" -- --trainee bob --format csv --summary
[ -n "${UPDATE_GOLDEN:-}" ] && echo "regenerated $checked golden files in $golden"

# Every golden file is one this test writes (none left over from an old name).
for file in "$golden"/*; do
  case "$(basename "$file")" in hostile-*) continue ;; esac
  [ -f "$WORK/$(basename "$file")" ] || fail "tests/golden/$(basename "$file") is not written by this test any more"
done

# ---- the figures trace to the score rows -------------------------------------
json="$WORK/team.json"
jq_() { sqlite3 :memory: "select $1 from (select readfile('$2') as j)"; }
[ "$(jq_ "json_valid(j)" "$json")" = 1 ] || fail "team JSON is not valid"
[ "$(jq_ "json_extract(j, '\$.schema')" "$json")" = crisisdrill.report/1 ] || fail "team JSON schema"
s1="$WORK/session-1.json"
[ "$(jq_ "json_extract(j, '\$.totals.total')" "$s1")" = "$(sql "$db" "select sum(points) from scores where session_id = 1")" ] ||
  fail "session 1: JSON total is not the sum of its rows"
[ "$(jq_ "json_array_length(j, '\$.scores')" "$s1")" = "$(sql "$db" "select count(*) from scores where session_id = 1")" ] ||
  fail "session 1: JSON rows are not the session's rows"
# The team's CSV holds every score row of every session, once.
[ "$(($(wc -l <"$WORK/team.csv") - 1))" = "$(sql "$db" "select count(*) from scores")" ] || fail "team CSV row count"
[ "$(($(wc -l <"$WORK/team-summary.csv") - 1))" = 8 ] || fail "team summary: one row per session"
# --since picks the activity shown; readiness rests on the latest attempts overall: ann's 2 and
# bob's 2, his complaint-snowball of the 14th (before the window) among them.
[ "$(jq_ "json_array_length(j, '\$.sessions')" "$WORK/team-ann-bob-since.json")" = 4 ] ||
  fail "team since 2023-11-15: expected the latest attempts of ann (2) and bob (2)"
# The session of data-leak-rumour with openings recorded: react + compose = total.
s4="$WORK/session-4.json"
[ "$(jq_ "(select count(*) from json_each(j, '\$.replies') where json_extract(value, '\$.react_ms') is not null
         and json_extract(value, '\$.react_ms') + json_extract(value, '\$.compose_ms') <> json_extract(value, '\$.total_ms'))" "$s4")" = 0 ] ||
  fail "session 4: react + compose differs from total"
[ "$(jq_ "(select count(*) from json_each(j, '\$.replies') where json_extract(value, '\$.react_ms') is not null)" "$s4")" -gt 0 ] ||
  fail "session 4: no reaction time recorded"
expect_in "$WORK/session-1.txt" "not recorded"

# ---- scopes that name nothing, usage ------------------------------------------
expect_exit 1 -- "$CRISISDRILL" report --trainee nobody --db "$db"
expect_in "$WORK/err" "no sessions of trainee 'nobody'"
[ ! -s "$WORK/out" ] || fail "a report of nobody printed something"
expect_exit 1 -- "$CRISISDRILL" report --scenario nothing --db "$db" --format csv -o "$WORK/nothing.csv"
expect_in "$WORK/err" "no sessions of scenario 'nothing'"
[ ! -e "$WORK/nothing.csv" ] || fail "a CSV of nothing was written"
expect_exit 1 -- "$CRISISDRILL" report --team ann,zed --db "$db"
expect_in "$WORK/err" "no sessions of trainee 'zed'"
expect_exit 1 -- "$CRISISDRILL" report --trainee cleo --since 2024-01-01 --db "$db"
expect_in "$WORK/err" "since 2024-01-01"
expect_exit 2 -- "$CRISISDRILL" report --team --trainee ann --db "$db"
# --since takes dates that exist: a shape alone is not enough.
for bad in 2026-13-01 2026-02-30 2025-02-29 2026-04-31 2026-01-01T24:00 2026-01-01T12:60 2026-01-01T12:00:60 26-01-01; do
  expect_exit 2 -- "$CRISISDRILL" report --team --since "$bad" --db "$db"
  expect_in "$WORK/err" "--since $bad: expected a date"
done
for good in 2024-02-29 2026-12-31T23:59:59; do
  expect_exit 1 -- "$CRISISDRILL" report --team --since "$good" --db "$db"
  expect_in "$WORK/err" "no sessions since $good"
done
expect_exit 2 -- "$CRISISDRILL" report --session 1 --format csv --summary --since 2023-01-01 --db "$db"
