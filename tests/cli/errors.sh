# Every way a scenario can fail (tests/scenarios/errors/*.lua, one file each): exit 1,
# one line "crisisdrill: FILE.lua:LINE: message" naming the right line, no crash nor
# hang (endless loops and bombs end within seconds), and in the database either no
# session (errors while loading) or the session 'aborted' with its error and what was
# shown before it kept. The directives in each file say which (tests/cli/scenario_checks.bash).
source "$SOURCE_DIR/tests/cli/scenario_checks.bash"
ERRORS="$SOURCE_DIR/tests/scenarios/errors"

count=0
for f in "$ERRORS"/*.lua; do
  [ "$(basename "$f")" = runtime_after_action.lua ] && continue
  check_scenario_error "$f"
  count=$((count + 1))
done
[ "$count" -ge 30 ] || fail "only $count error scenarios ran"

# ---- a runtime error after a trainee action: the action and its scores stay -----------
# The trainee replies at 00:05; the scenario fails at 00:30.
cat >"$WORK/after_action.txt" <<'TXT'
00:05 reply c1 "We are sorry about your order. Please send us a private message with your order number so we can look into it."
TXT
check_scenario_error "$ERRORS/runtime_after_action.lua" "$WORK/after_action.txt"
db="$WORK/runtime_after_action.db"
[ "$(sql "$db" "select count(*) || ' ' || kind || ' ' || post_id || ' ' || at_ms from actions")" = "1 reply c1 5000" ] ||
  fail "after action: the reply at 00:05 is not stored: $(sql "$db" "select * from actions")"
scores=$(sql "$db" "select count(*) from scores s join actions a on a.id = s.action_id where a.at_ms = 5000")
[ "$scores" -gt 0 ] || fail "after action: the reply's score rows are not stored"
[ "$(sql "$db" "select sim_ms from sessions")" = 30000 ] ||
  fail "after action: the session should end at 00:30, not $(sql "$db" "select sim_ms from sessions") ms"
[ "$(sql "$db" "select count(*) from posts where by_trainee = 1 and parent = 'c1'")" = 1 ] ||
  fail "after action: the trainee's reply is not in the feed"
# The report still reads the aborted session.
expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$db" --format json
expect_in "$WORK/out" "aborted"
