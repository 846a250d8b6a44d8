# The same figures in every format: for each scope (session, trainee,
# scenario, team) the text, JSON, CSV and HTML reports of one database agree
# on counts, totals, signs and lists (tests/cli/report_formats.py says
# which): sessions and trainees counted alike, recurring mistakes by the
# same rule, points lost positive everywhere, blank (null, —) where nothing
# was completed, the team's points per competency as a mean of the sums.
db="$WORK/formats.db"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers"
leak="$SOURCE_DIR/scenarios/data-leak-rumour/answers"
play() { expect_exit 0 -- "$CRISISDRILL" play "$1" --headless --answers "$2" --db "$db" --trainee "$3"; }
play complaint-snowball "$answers/poor.txt" alice
play complaint-snowball "$answers/silent.txt" alice
play complaint-snowball "$answers/good.txt" alice
play data-leak-rumour "$leak/good.txt" alice
play complaint-snowball "$answers/good.txt" bob
play data-leak-rumour "$leak/poor.txt" bob
play complaint-snowball "$answers/poor.txt" carol
# dan never completes a session: an answers file that stops the run.
printf '00:10 reply nosuchpost "Hello"\n' >"$WORK/stop.txt"
expect_exit 1 -- "$CRISISDRILL" play complaint-snowball --headless --answers "$WORK/stop.txt" --db "$db" --trainee dan
[ "$(sql "$db" "select status from sessions where trainee = 'dan'")" = aborted ] || fail "dan's session is not aborted"

check() { # NAME SCOPE ARGS...: writes every format of the scope and compares them
  local name=$1 scope=$2; shift 2
  for format in text json html csv; do
    expect_exit 0 -- "$CRISISDRILL" report "$@" --format "$format" --db "$db" -o "$WORK/$name.$format"
  done
  expect_exit 0 -- "$CRISISDRILL" report "$@" --format csv --summary --db "$db" -o "$WORK/$name.summary.csv"
  python3 "$SOURCE_DIR/tests/cli/report_formats.py" "$WORK" "$name" "$scope" >&2 || fail "$name: the formats disagree"
}
check session session --session 1
check trainee trainee --trainee alice
check scenario scenario --scenario complaint-snowball
check team team --team
check dan trainee --trainee dan

# dan completed nothing: no made-up +0 anywhere.
expect_in "$WORK/dan.text" "best — · last — · median —"
[ "$(jq -c '.trainees[0] | [.best, .last, .median, .competencies]' "$WORK/dan.json")" = "[null,null,null,null]" ] ||
  fail "dan: JSON best/last/median/competencies are not null"
expect_exit 0 -- "$CRISISDRILL" report --scenario complaint-snowball --format json --db "$db" -o "$WORK/sc.json"
[ "$(jq -c '.trainees[] | select(.name == "dan") | [.completed, .best]' "$WORK/sc.json")" = "[0,null]" ] ||
  fail "dan in the scenario report: not [0,null]"

# Score over attempts: every completed session, by attempt number, with n.
for a in 1 2 3; do
  n=$(sql "$db" "select count(*) from (select status, row_number() over (partition by trainee order by id) as attempt
                 from sessions where scenario_id = 'complaint-snowball') where status = 'completed' and attempt = $a")
  expect_in "$WORK/scenario.html" ">$a (n = $n)</text>"
done
