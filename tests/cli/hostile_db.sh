# Databases made to harm (docs/reliability.md, "Hostile databases"): the application id and the
# version are ours, but the schema was rewritten (a view or a trigger of someone else's, a NOT NULL
# removed) or a row holds what the schema forbids or the program cannot compute with. Every command
# gives exit 1 and one line "crisisdrill: FILE: ...", in seconds: no crash, no hang, nothing written.
cd "$WORK"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
play() { "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" "$@"; }
play --db base.db >/dev/null && play --db base.db --trainee bob >/dev/null || fail "cannot make the base database"

# Every command, on a database (each bounded: a hang is a failure, not a stuck test).
commands=(
  "play complaint-snowball --headless --answers $answers" "sessions" "sessions --format json" "report --team"
  "report --team --format csv" "report --team --format csv --summary" "report --team --format xapi"
  "report --session 1" "report --session 1 --format json" "report --session 1 --format html"
  "report --trainee trainee" "report --scenario complaint-snowball" "transcript --session 1"
  "replay 1 --headless" "rules export default" "rules import $SOURCE_DIR/scenarios/rules/default.rules"
)
# run_bounded DB COMMAND...: runs it for at most 30 s; sets $got (124: it had to be stopped).
run_bounded() {
  local db=$1; shift
  got=0
  # shellcheck disable=SC2086
  timeout -s KILL 30 "$CRISISDRILL" $* --db "$db" >"$WORK/out" 2>"$WORK/err" || got=$?
}
# one_line: stderr is one line "crisisdrill: ..."
one_line() { [ "$(wc -l <"$WORK/err")" = 1 ] && grep -q '^crisisdrill: ' "$WORK/err"; }

# refused_everywhere DB WORDS: every command exits 1 with one line containing WORDS; the file is left
# byte for byte (no -wal with content either).
refused_everywhere() {
  local db=$1 words=$2 sum cmd
  sum=$(md5sum <"$db")
  for cmd in "${commands[@]}"; do
    run_bounded "$db" "$cmd"
    if [ "$got" != 1 ] || ! one_line || ! grep -qF -- "$words" "$WORK/err"; then
      fail "$db: $cmd: exit $got, expected 1 and '$words': $(head -c 300 "$WORK/err")"
    fi
  done
  [ "$(md5sum <"$db")" = "$sum" ] || fail "$db: the file changed"
  [ ! -s "$db-wal" ] || fail "$db: a WAL with content was left ($(stat -c %s "$db-wal") bytes)"
}

# ---- schemas that are not ours -----------------------------------------------------------------------
refused_schema() { refused_everywhere "$1" "its schema is not the one Crisis Drill writes"; }
# A recursive view in place of the table sessions: hung every command, play included.
cp base.db view.db && sqlite3 view.db "alter table sessions rename to old_sessions;
  create view sessions as with recursive r(n) as (select 1 union all select n + 1 from r)
  select n as id, 'x' as trainee, 'x' as scenario_id, 'x' as status, '' as started_at from r"
refused_schema view.db
# An endless trigger on a new session: hung play with the write lock while the WAL grew by gigabytes.
cp base.db trigger.db && sqlite3 trigger.db "create trigger forever after insert on sessions begin
  insert into branches(session_id, at_ms, name) with recursive r(n) as (select 1 union all select n + 1 from r)
  select new.id, n, 'again' from r; end"
refused_schema trigger.db
# A trigger that looks harmless, on another table.
cp base.db quiet.db && sqlite3 quiet.db "create trigger note after update on posts begin select 1; end"
refused_schema quiet.db
# A constraint removed (the way the crafted NULLs below are planted), left removed.
cp base.db notnull.db && sqlite3 notnull.db "pragma writable_schema = on;
  update sqlite_schema set sql = replace(sql, '  status TEXT NOT NULL', '  status TEXT') where name = 'sessions'"
refused_schema notnull.db
# One of our triggers dropped: the sums of the reports would silently stop following the rows.
cp base.db dropped.db && sqlite3 dropped.db "drop trigger session_totals_score"
refused_schema dropped.db
grep -q "trigger 'session_totals_score' is missing" "$WORK/err" || fail "dropped.db: the message does not name it"
# Our view replaced by a recursive one of the same name.
cp base.db vscores.db && sqlite3 vscores.db "drop view v_scores; create view v_scores as
  with recursive r(n) as (select 1 union all select n + 1 from r) select n from r"
refused_schema vscores.db
# A table of another program added beside ours, and an index of ours replaced.
cp base.db extra.db && sqlite3 extra.db "create table notes(x)"
refused_schema extra.db
cp base.db index.db && sqlite3 index.db "drop index scores_session; create index scores_session on scores(points)"
refused_schema index.db
# An older version with a hostile trigger: refused before its migration could fire it.
cp base.db old.db && sqlite3 old.db "drop trigger if exists session_totals_rescore;
  drop trigger if exists session_totals_reaction;
  drop trigger if exists session_totals_unaction; drop trigger if exists session_totals_renumber;
  pragma user_version = 2;
  create trigger forever after update on session_totals begin
  insert into branches(session_id, at_ms, name) with recursive r(n) as (select 1 union all select n + 1 from r)
  select new.session_id, n, 'again' from r; end"
refused_schema old.db
[ "$(sql old.db "pragma user_version")" = 2 ] || fail "old.db was migrated"

# A manager's ANALYZE (sqlite_stat1) is not a change of schema: the file still works.
cp base.db analyzed.db && sqlite3 analyzed.db "analyze"
for cmd in "sessions" "report --team" "play complaint-snowball --headless --answers $answers"; do
  run_bounded analyzed.db "$cmd"
  [ "$got" = 0 ] || fail "analyzed.db: $cmd: exit $got: $(head -c 300 "$WORK/err")"
done

# ---- rows that hold what the schema forbids ---------------------------------------------------------
# plant DB TABLE COLUMN WHERE: a NULL in a NOT NULL column, and the schema put back exactly as it was
# (so that the schema check passes and the rows themselves are what the program meets).
plant() {
  cp base.db "$1"
  sqlite3 "$1" "pragma writable_schema = on;
    update sqlite_schema set sql = replace(sql, '  $3 TEXT NOT NULL', '  $3 TEXT') where name = '$2'"
  sqlite3 "$1" "update $2 set $3 = NULL where $4"
  sqlite3 "$1" "pragma writable_schema = on;
    update sqlite_schema set sql = replace(sql, '  $3 TEXT', '  $3 TEXT NOT NULL') where name = '$2'"
  # (typeof: "IS NULL" on a NOT NULL column is answered from the schema, without reading the rows)
  [ "$(sql "$1" "select count(*) from $2 where typeof($3) = 'null'")" -ge 1 ] || fail "$1: no NULL planted"
}
# damaged DB WORDS CMD...: each command named exits 1 with one line naming the damage; every other
# command exits 0 or 1 (replay may find the rows DIFFERENT), never a crash or a hang; the file is left.
damaged() {
  local db=$1 words=$2 sum cmd; shift 2
  sum=$(md5sum <"$db")
  for cmd in "$@"; do
    run_bounded "$db" "$cmd"
    [ "$got" = 1 ] && one_line && grep -qF -- "$words" "$WORK/err" ||
      fail "$db: $cmd: exit $got, expected 1 and '$words': $(head -c 300 "$WORK/err")"
  done
  for cmd in "${commands[@]}"; do
    [[ $cmd == play* || $cmd == rules\ import* ]] && continue  # a writer's quick_check refuses these files
    run_bounded "$db" "$cmd"
    { [ "$got" = 0 ] || { [ "$got" = 1 ] && { one_line || grep -q DIFFERENT "$WORK/out"; }; }; } ||
      fail "$db: $cmd: exit $got: $(head -c 300 "$WORK/err")"
  done
  [ "$(md5sum <"$db")" = "$sum" ] || fail "$db: the file changed"
}
# A reader meets the damaged row ("a damaged row: column ..."); a writer's quick_check at its open
# already finds a NULL where the schema says NOT NULL ("the database is damaged").
row="damaged"
plant status.db sessions status "id = 1"
damaged status.db "$row" "report --team" "replay 1 --headless" "sessions" "report --team --format csv --summary" \
  "report --session 1"
plant trainee.db sessions trainee "id = 1"
damaged trainee.db "$row" "report --team" "replay 1 --headless" "sessions" "report --scenario complaint-snowball"
plant kind.db actions kind "id = (select min(id) from actions where kind = 'reply')"
damaged kind.db "$row" "transcript --session 1" "replay 1 --headless"
plant outcome.db scores outcome "id = 2"
damaged outcome.db "$row" "report --session 1" "report --team" "report --session 1 --format csv"
plant key.db rules key "id = (select rule_id from scores limit 1)"
damaged key.db "$row" "report --session 1" "report --team" "report --trainee trainee" "report --team --format json"
plant text.db posts text "post_id = 'c1'"
damaged text.db "$row" "transcript --session 1" "report --session 1"
plant author.db posts author "post_id = 'c1'"
damaged author.db "$row" "transcript --session 1" "report --session 1"
plant ruleset.db ruleset_versions name "id = 1"
damaged ruleset.db "$row" "sessions" "report --team" "rules export default"
plant label.db roles label "rowid = 1"
damaged label.db "$row" "rules export default" "replay 1 --headless"
# Types SQLite stores without a complaint (no STRICT tables): text, bytes or a fraction in a number.
cp base.db points-text.db && sqlite3 points-text.db "update scores set points = 'lots' where id = 3"
damaged points-text.db "a damaged row" "report --session 1" "report --team" "sessions" "report --session 1 --format csv"
reply="(select min(id) from actions where kind = 'reply' and session_id = 1)"
cp base.db time-blob.db && sqlite3 time-blob.db "update actions set at_ms = x'00ff' where id = $reply"
damaged time-blob.db "a damaged row" "transcript --session 1" "report --session 1" "replay 1 --headless"
cp base.db time-real.db && sqlite3 time-real.db "update posts set shown_ms = 1.5 where post_id = 'c1'"
damaged time-real.db "a damaged row" "transcript --session 1" "report --session 1"
cp base.db text-blob.db && sqlite3 text-blob.db "update posts set text = x'41004200' where post_id = 'c1'"
damaged text-blob.db "a damaged row" "transcript --session 1" "report --session 1"
# Numbers beyond what the program computes with: a point value past an int, a time past 2^48 ms.
cp base.db points-min.db && sqlite3 points-min.db "update scores set points = -2147483648 where id = 3"
damaged points-min.db "points out of range" "report --session 1" "report --team" "report --team --format csv"
cp base.db points-big.db && sqlite3 points-big.db "update scores set points = 1099511627776 where id = 3"
damaged points-big.db "out of range" "report --session 1" "report --team" "report --trainee trainee"
cp base.db time-big.db && sqlite3 time-big.db "update actions set at_ms = 9223372036854775807 where id = $reply"
damaged time-big.db "out of range" "report --session 1" "transcript --session 1"
# The cached sums (session_totals) written by hand past any real total.
cp base.db sums.db && sqlite3 sums.db "update session_totals set total = 9223372036854775807"
damaged sums.db "a sum out of range" "report --team" "report --session 1" "report --team --format csv --summary"

# ---- a query that runs away on data the schema allows: the query budget ---------------------------------
# 20,000 replies to one post, none with its opening time: each looks for the post's first opening
# among the session's actions before it (quadratic). A small budget shows that every statement runs
# under one; the default budget's cost on this file is measured in docs/reliability.md.
cp base.db slow.db && sqlite3 slow.db "insert into actions(session_id, at_ms, kind, post_id, source)
  with recursive r(n) as (select 1 union all select n + 1 from r limit 20000)
  select 1, 1200000 + n, 'reply', 'c1', 'api' from r"
export CRISISDRILL_QUERY_BUDGET=20000000
run_bounded slow.db "report --session 1"
[ "$got" = 1 ] && one_line && grep -q "ran past its budget" "$WORK/err" ||
  fail "slow.db: report --session 1 under a budget: exit $got: $(head -c 300 "$WORK/err")"
for cmd in "sessions" "report --team" "transcript --session 2" "play complaint-snowball --headless --answers $answers"; do
  run_bounded base.db "$cmd"   # the same budget is far above what a normal file needs
  [ "$got" = 0 ] || fail "base.db under a budget of $CRISISDRILL_QUERY_BUDGET: $cmd: exit $got: $(head -c 300 "$WORK/err")"
done
unset CRISISDRILL_QUERY_BUDGET
