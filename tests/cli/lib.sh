# Helpers for CLI tests. Each check prints what failed; `finish` exits 1 if any did.
failures=0

# The program's caches (the window's renderer probe) go under the test's folder, never to the
# real ~/.cache.
export XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_CACHE_HOME"

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect_exit CODE -- command...: runs the command, keeps stdout in $WORK/out
# and stderr in $WORK/err, and checks its exit status.
expect_exit() {
  local want=$1; shift; [ "$1" = "--" ] && shift
  local got=0
  "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" != "$want" ]; then
    fail "exit $got, expected $want: $*"; sed 's/^/    err: /' "$WORK/err" | head -5 >&2
  fi
}

# expect_in FILE TEXT: the file contains the text (fixed string).
expect_in() { grep -qF -- "$2" "$1" || { fail "$1 lacks: $2"; sed 's/^/    /' "$1" | head -10 >&2; }; }
expect_not_in() { ! grep -qF -- "$2" "$1" || fail "$1 should not contain: $2"; }

# sql DB QUERY: one value from the database.
sql() { sqlite3 -readonly "$1" "$2"; }

# play_at EPOCH TRAINEE SCENARIO ANSWERS: plays an installed scenario headless into $db, at
# SOURCE_DATE_EPOCH=EPOCH, with the scenario's answers/ANSWERS.txt (the reports' tests).
play_at() {
  SOURCE_DATE_EPOCH=$1 expect_exit 0 -- "$CRISISDRILL" play "$3" --headless \
    --answers "$SOURCE_DIR/scenarios/$3/answers/$4.txt" --trainee "$2" --db "$db"
}

# ---- helpers for scenario playthrough tests ----

# play_scenario NAME ANSWERS LANG [ARGS...]: plays $SCENARIO headless into a fresh $WORK/NAME.db.
play_scenario() {
  local name=$1 answers=$2 lang=$3; shift 3
  rm -f "$WORK/$name.db"
  expect_exit 0 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$answers" --lang "$lang" \
    --db "$WORK/$name.db" "$@"
}

# score DB RULE POST: the "OUTCOME|POINTS" of the rule's rows on that post (on no post when POST is -).
score() {
  local cond="post_id = '$3'"
  [ "$3" = - ] && cond="post_id is null"
  sql "$1" "select outcome || '|' || points from v_scores where rule = '$2' and $cond order by score_id"
}

# expect_score DB RULE POST OUTCOME POINTS: the rule's one row on that post reads OUTCOME|POINTS.
expect_score() {
  local db=$1 rule=$2 post=$3 want="" got
  shift 3
  while [ $# -ge 2 ]; do # OUTCOME POINTS pairs, in the order of the rows
    want+="${want:+$'\n'}$1|$2"
    shift 2
  done
  got=$(score "$db" "$rule" "$post")
  [ "$got" = "$want" ] || fail "$(basename "$db"): $rule on $post: got '${got//$'\n'/, }', expected '${want//$'\n'/, }'"
}

# expect_value DB QUERY WANT
expect_value() {
  local got; got=$(sql "$1" "$2")
  [ "$got" = "$3" ] || fail "$(basename "$1"): $2 -> '${got//$'\n'/, }', expected '$3'"
}

# expect_branches DB NAME...: each branch was reached.
expect_branches() {
  local db=$1 name; shift
  for name in "$@"; do
    [ "$(sql "$db" "select count(*) from branches where name = '$name'")" = 1 ] \
      || fail "$(basename "$db"): branch $name not reached (got: $(sql "$db" "select group_concat(name, ' ') from branches"))"
  done
}

# expect_no_branch DB NAME: the branch was not reached.
expect_no_branch() {
  [ "$(sql "$1" "select count(*) from branches where name = '$2'")" = 0 ] || fail "$(basename "$1"): branch $2 reached"
}

# wait_until SECONDS WHAT -- COMMAND...: runs the command every 0.1 s until it succeeds; when
# SECONDS pass first, the check WHAT fails. For the conditions a fixed sleep used to stand in for.
wait_until() {
  local limit=$1 what=$2; shift 2; [ "$1" = "--" ] && shift
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then fail "waited $limit s for: $what"; return 0; fi
    sleep 0.1
  done
}

# sql_is DB QUERY WANT: the query's value is WANT (a condition for wait_until).
sql_is() { [ "$(sql "$1" "$2")" = "$3" ]; }

finish() {
  if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
