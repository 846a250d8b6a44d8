# sessions and report: text and JSON, totals equal to the sum of the rows,
# JSON valid whatever the trainee typed.
cat >"$WORK/s.lua" <<'LUA'
scenario{ id = "report-test", title = "Report \"test\"", duration = 300, brand = { handle = "@brand" } }
persona{ handle = "@ann", name = "Ann <b>", followers = 10 }
template{ id = "sorry", situation = "complaint", text = "Sorry Ann, please send us a private message." }
function main()
  post{ id = "c1", author = "@ann", situation = "complaint", text = "Broken again." }
  post{ id = "c2", author = "@ann", situation = "complaint", text = "Still broken." }
  wait(60)
end
LUA
printf '%s\n' '00:10 reply c1 template=sorry' \
  '00:20 reply c2 "Quote \" backslash \\ tab\t newline\n bell \a émoji 🔥 </script> =1+1"' \
  '00:30 alert hr "no reason"' >"$WORK/a.txt"
db="$WORK/r.db"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/s.lua" --headless --answers "$WORK/a.txt" --db "$db" --trainee "Zoë"
expect_in "$WORK/out" "Session 1 completed"

expect_exit 0 -- "$CRISISDRILL" sessions --db "$db"
expect_in "$WORK/out" "report-test"
expect_in "$WORK/out" "Zoë"
expect_exit 0 -- "$CRISISDRILL" sessions --db "$db" --format json -o "$WORK/sessions.json"
[ "$(sqlite3 :memory: "select json_valid(readfile('$WORK/sessions.json'))")" = 1 ] || fail "sessions JSON is not valid"

expect_exit 0 -- "$CRISISDRILL" report --session last --db "$db"
expect_in "$WORK/out" "reply.apology"
expect_in "$WORK/out" "alert.unneeded"
total=$(sql "$db" "select sum(points) from scores")
max=$(sql "$db" "select max_points from sessions where id = 1")
pct=$(sql "$db" "select printf('%.1f', round($total * 100.0 / $max, 1))")
expect_in "$WORK/out" "Total $(printf '%+d' "$total") of $max ($pct % of the maximum) from"

expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$db" --format json -o "$WORK/r.json"
json="$WORK/r.json"
q() { sqlite3 :memory: "select $1 from (select readfile('$json') as j)"; }
[ "$(q "json_valid(j)")" = 1 ] || fail "report JSON is not valid"
# The session's scale, as the database holds it (docs/reports.md, "Scale").
[ "$(q "json_extract(j, '\$.sessions[0].maximum')")" = "$max" ] || fail "JSON maximum is not sessions.max_points ($max)"
[ "$(q "json_extract(j, '\$.sessions[0].percent')")" = "$pct" ] || fail "JSON percent is not $pct"
[ "$(q "json_extract(j, '\$.sessions[0].scoring_version')")" = 2 ] || fail "JSON scoring_version is not 2"
[ "$(q "json_extract(j, '\$.totals.total')")" = "$total" ] || fail "JSON total differs from the sum of rows"
[ "$(q "json_array_length(j, '\$.scores')")" = "$(sql "$db" "select count(*) from scores")" ] || fail "JSON rows differ"
[ "$(q "json_extract(j, '\$.sessions[0].title')")" = 'Report "test"' ] || fail "title not kept intact"
[ "$(q "json_extract(j, '\$.schema')")" = 'crisisdrill.report/1' ] || fail "schema: $(q "json_extract(j, '\$.schema')")"
# The cached sums of migration 2 equal the rows.
[ "$(sql "$db" "select total || ' ' || nscores from session_totals")" = "$total $(sql "$db" "select count(*) from scores")" ] ||
  fail "session_totals differ from the score rows: $(sql "$db" "select * from session_totals")"
# The hostile reply is stored exactly as typed.
[ "$(sql "$db" "select text from actions where post_id = 'c2'")" = "$(printf 'Quote " backslash \\ tab\t newline\n bell a émoji 🔥 </script> =1+1')" ] ||
  fail "the reply text was altered"

expect_exit 1 -- "$CRISISDRILL" report --session 99 --db "$db"
expect_in "$WORK/err" "no session 99"
expect_exit 2 -- "$CRISISDRILL" report --db "$db"
expect_exit 2 -- "$CRISISDRILL" report --session 1 --format xml --db "$db"
expect_exit 1 -- "$CRISISDRILL" sessions --db "$WORK/none.db"
expect_in "$WORK/err" "no such database"

# Databases of earlier schemas are brought up to date by the first report,
# which reads them then. tests/fixtures/schema-2.sql is the .dump of this
# same play by the release before scoring model 2 (schema 2: rules without
# concepts, sessions without a scale); schema 1 is made from it by taking
# migration 2's objects away.
old_db() { # NAME SCHEMA
  rm -f "$WORK/$1"*
  sqlite3 "$WORK/$1" <"$SOURCE_DIR/tests/fixtures/schema-2.sql"
  sqlite3 "$WORK/$1" "PRAGMA application_id = 1128550961; PRAGMA user_version = 2"
  [ "$2" = 1 ] && sqlite3 "$WORK/$1" "DROP TRIGGER session_totals_new; DROP TRIGGER session_totals_score;
    DROP TRIGGER session_totals_unscore; DROP TRIGGER session_totals_action; DROP TRIGGER session_totals_gone;
    DROP TABLE session_totals; DROP INDEX branches_name; DROP INDEX scores_session_rule; DROP INDEX sessions_attempts;
    PRAGMA user_version = 1"
  true
}
old_total=$(sqlite3 :memory: ".read $SOURCE_DIR/tests/fixtures/schema-2.sql" "select sum(points) from scores")
for schema in 1 2; do
  old_db "old.db" $schema
  expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$WORK/old.db" --format json -o "$WORK/old.json"
  [ "$(sql "$WORK/old.db" "pragma user_version")" = "$(sql "$db" "pragma user_version")" ] || fail "the schema-$schema database was not upgraded"
  [ "$(sqlite3 :memory: "select json_extract(readfile('$WORK/old.json'), '\$.totals.total')")" = "$old_total" ] ||
    fail "the upgraded schema-$schema database's total differs from its rows"
  # rules rebuilt with their ids: every score row still names its rule
  [ "$(sql "$WORK/old.db" "select count(*) from v_scores")" = "$(sql "$WORK/old.db" "select count(*) from scores")" ] ||
    fail "schema $schema: score rows lost their rule in the upgrade"
  [ "$(sql "$WORK/old.db" "pragma foreign_key_check")" = "" ] || fail "schema $schema: foreign keys broken by the upgrade"
  [ "$(sql "$WORK/old.db" "pragma integrity_check")" = ok ] || fail "schema $schema: integrity"
  expect_value "$WORK/old.db" "select scoring_version || ' ' || coalesce(max_points, 'none') from sessions" "1 none"
done
[ "$(sql "$WORK/old.db" "select nactions from session_totals")" = 3 ] ||
  fail "session_totals.nactions was not filled from the actions"
# Migration 5 rebuilt the rules table without a CHECK on its kinds: statement rules go in.
sql "$WORK/old.db" "select sql from sqlite_schema where name = 'rules'" | grep -q "CHECK(kind" &&
  fail "the upgraded rules table still lists its kinds in a CHECK (statement rules would not go in)"

# A session of scoring model 2 beside the old one (docs/reports.md, "Scale"):
# every report of the trainee says their totals do not compare; the old
# session has no scale, the new one a maximum and a percentage.
expect_exit 0 -- "$CRISISDRILL" play "$WORK/s.lua" --headless --answers "$WORK/a.txt" --db "$WORK/old.db" --trainee Zoe
# --ready-at takes a percentage, with or without its sign.
expect_exit 0 -- "$CRISISDRILL" report --team --ready-at 5% --db "$WORK/old.db" -o "$WORK/ready-sign.txt"
expect_exit 0 -- "$CRISISDRILL" report --team --ready-at 5 --db "$WORK/old.db" -o "$WORK/ready-bare.txt"
cmp -s "$WORK/ready-sign.txt" "$WORK/ready-bare.txt" || fail "--ready-at 5% and --ready-at 5 differ"
expect_in "$WORK/ready-sign.txt" "ready at 5 % of the maximum"
note="session 1 was scored by scoring model 1, the others by model 2: their totals do not compare"
expect_exit 0 -- "$CRISISDRILL" report --trainee Zoe --db "$WORK/old.db"
expect_in "$WORK/out" "Note: $note."
expect_in "$WORK/out" "no scale"
expect_exit 0 -- "$CRISISDRILL" report --trainee Zoe --db "$WORK/old.db" --format html -o "$WORK/mixed.html"
expect_in "$WORK/mixed.html" "<strong>Note:</strong> $note."
expect_exit 0 -- "$CRISISDRILL" report --team --db "$WORK/old.db" --format json -o "$WORK/mixed.json"
m() { sqlite3 :memory: "select json_extract(readfile('$WORK/mixed.json'), '$1')"; }
[ "$(m '$.scoring.mixed')" = 1 ] && [ "$(m '$.scoring.note')" = "$note" ] || fail "mixed JSON: scoring $(m '$.scoring')"
new_max=$(sql "$WORK/old.db" "select max_points from sessions where id = 2")
[ -n "$new_max" ] && [ "$(m '$.sessions[0].maximum')" = "$new_max" ] || fail "mixed JSON: maximum $(m '$.sessions[0].maximum'), not $new_max"
expect_exit 0 -- "$CRISISDRILL" report --trainee Zoe --db "$WORK/old.db" --format csv --summary -o "$WORK/mixed.csv"
[ "$(sed -n 2p "$WORK/mixed.csv" | tr -d '\r' | awk -F, '{ print $(NF-2) "|" $(NF-1) "|" $NF }')" = "1||" ] ||
  fail "mixed CSV: the old session's scale columns: $(sed -n 2p "$WORK/mixed.csv")"
[ "$(sed -n 3p "$WORK/mixed.csv" | tr -d '\r' | awk -F, '{ print $(NF-2) "|" $(NF-1) }')" = "2|$new_max" ] ||
  fail "mixed CSV: the new session's scale columns: $(sed -n 3p "$WORK/mixed.csv")"
expect_exit 0 -- "$CRISISDRILL" report --trainee Zoe --db "$WORK/old.db" --format xapi -o "$WORK/mixed.xapi.json"
x() { sqlite3 :memory: "select json_type(readfile('$WORK/mixed.xapi.json'), '$1')"; }
[ "$(x '$[0].result.score.scaled')" = "" ] && [ "$(x '$[0].result.success')" = "" ] ||
  fail "xAPI: the session of model 1 has scaled or success"
[ "$(x '$[1].result.score.scaled')" = real ] || [ "$(x '$[1].result.score.scaled')" = integer ] ||
  fail "xAPI: the session of model 2 has no scaled score"
[ "$(x '$[1].result.success')" = false ] || [ "$(x '$[1].result.success')" = true ] || fail "xAPI: no success"
problems=$(sqlite3 :memory: -cmd "create table input(doc)" -cmd "insert into input values(readfile('$WORK/mixed.xapi.json'))" \
  <"$SOURCE_DIR/tests/report/xapi_check.sql")
[ -z "$problems" ] || fail "xAPI of mixed sessions: $problems"
