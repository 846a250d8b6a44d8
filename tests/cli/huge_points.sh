# Points at the edge of what a rule can give (docs/reliability.md, "Hostile databases"): a valid
# database whose score rows hold 2147483647 or -2147483647 points. Every sum is 64-bit, so every view
# shows the same total, the sum of the rows as SQLite adds them: the listing, the session summary,
# the report in text, JSON, CSV, HTML and xAPI, for a session, a trainee and a team. (The sanitizer
# build runs this too: no overflow anywhere on the way.)
cd "$WORK"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
play() { "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" "$@"; }
play --db p.db >/dev/null && play --db p.db --trainee bob >/dev/null || fail "cannot make the database"

# same_total_everywhere DB SESSION: every view of the session's total shows the sum of its rows.
same_total_everywhere() {
  local db=$1 id=$2 want trainee got
  want=$(sql "$db" "select sum(points) from scores where session_id = $id")
  trainee=$(sql "$db" "select trainee from sessions where id = $id")
  expect_exit 0 -- "$CRISISDRILL" sessions --db "$db"
  grep -qE "^ +$id .* \\+?$want +[0-9]+$" "$WORK/out" || fail "$db: sessions does not show $want: $(grep -E "^ +$id " "$WORK/out")"
  expect_exit 0 -- "$CRISISDRILL" sessions --format json --db "$db"
  got=$(sqlite3 :memory: "select json_extract(value, '\$.total') from json_each(readfile('$WORK/out'), '\$.sessions')
    where json_extract(value, '\$.id') = $id")
  [ "$got" = "$want" ] || fail "$db: sessions --format json: $got, expected $want"
  expect_exit 0 -- "$CRISISDRILL" report --session "$id" --db "$db"
  expect_in "$WORK/out" "total      $(printf '%+d' "$want")"
  expect_exit 0 -- "$CRISISDRILL" report --session "$id" --format json -o s.json --db "$db"
  got=$(sqlite3 :memory: "select json_extract(readfile('s.json'), '\$.totals.total')")
  [ "$got" = "$want" ] || fail "$db: report --session --format json: $got, expected $want"
  expect_exit 0 -- "$CRISISDRILL" report --team --format csv --summary -o t.csv --db "$db"
  got=$(awk -F, -v id="$id" '$1 == id { print $15 }' t.csv)
  [ "$got" = "$want" ] || fail "$db: report --team --format csv --summary: $got, expected $want"
  expect_exit 0 -- "$CRISISDRILL" report --session "$id" --format xapi -o x.json --db "$db"
  grep -qE "\"raw\":$want[,}]" x.json || fail "$db: the xAPI statement's raw score is not $want"
  expect_exit 0 -- "$CRISISDRILL" report --session "$id" --format html -o s.html --db "$db"
  grep -qF -- "$(printf '%+d' "$want") points</a>" s.html || fail "$db: the HTML report's total is not $want"
  expect_exit 0 -- "$CRISISDRILL" report --trainee "$trainee" --format json -o tr.json --db "$db"
  got=$(sqlite3 :memory: "select json_extract(value, '\$.total') from json_each(json_extract(readfile('tr.json'),
    '\$.sessions')) where json_extract(value, '\$.id') = $id")
  [ "$got" = "$want" ] || fail "$db: report --trainee --format json: $got, expected $want"
  expect_exit 0 -- "$CRISISDRILL" report --team --format json -o team.json --db "$db"
  got=$(sqlite3 :memory: "select json_extract(value, '\$.last') from json_each(json_extract(readfile('team.json'),
    '\$.trainees')) where json_extract(value, '\$.name') = '$trainee'")
  [ "$got" = "$want" ] || fail "$db: report --team --format json: the trainee's last total is $got, expected $want"
  [ "${#want}" -gt 10 ] || fail "$db: the total $want does not go past 32 bits: the test proves nothing"
}

# Rows inserted (the triggers keep the per-session sums), the largest points a rule can give.
cp p.db inserted.db
sqlite3 inserted.db "insert into scores(session_id, action_id, rule_id, post_id, at_ms, competency, outcome, points,
  reason) select session_id, action_id, rule_id, post_id, at_ms, competency, outcome, 2147483647, reason
  from scores where session_id = 1 limit 5"
same_total_everywhere inserted.db 1
# Rows changed by hand with the sqlite3 tool: the sums follow an UPDATE too.
cp p.db updated.db
sqlite3 updated.db "update scores set points = 2147483647 where session_id = 2 and id % 3 = 0"
same_total_everywhere updated.db 2
# The other way: large losses, and the rule statistics (points lost) past 32 bits.
cp p.db losses.db
sqlite3 losses.db "update scores set points = -2147483647 where session_id = 1 and outcome = 'respected'"
same_total_everywhere losses.db 1
expect_exit 0 -- "$CRISISDRILL" report --team --format json -o team.json --db losses.db
lost=$(sqlite3 :memory: "select max(json_extract(value, '\$.lost')) from json_each(json_extract(readfile('team.json'),
  '\$.rules'))")
[ "${#lost}" -gt 10 ] || fail "losses.db: no rule's points lost past 32 bits in the team report ($lost)"
