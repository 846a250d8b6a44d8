# Crash-safety: the program is killed with SIGKILL at random moments (seeded: the same seed gives
# the same moments) while it plays, headless and in the window (SDL's dummy driver). After each
# kill the database must pass PRAGMA integrity_check, and every action the program acknowledged
# must be stored exactly as acknowledged. "Acknowledged" is what --progress prints: a line
# "committed session=S action=A at_ms=T kind=K target=X" written after the action's commit
# returned (docs/reliability.md). The next program that opens the database for writing marks the
# killed sessions 'interrupted', their totals the sum of the score rows they stored.
# CRASH_SEED, CRASH_HEADLESS_RUNS, CRASH_WINDOW_RUNS override the defaults.
seed=${CRASH_SEED:-20261124}
headless_runs=${CRASH_HEADLESS_RUNS:-60}
window_runs=${CRASH_WINDOW_RUNS:-24}
RANDOM=$seed
scenarios=(complaint-snowball data-leak-rumour employee-viral hashtag-hijack)
kills=0 acked_total=0

# ms_since START_NS: milliseconds since a `date +%s%N` reading.
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# check_after_kill DB PROGRESS_FILE WHAT: the database is sound and holds every acknowledged action;
# a killed session holds no action beyond the one it may have committed without printing.
check_after_kill() {
  local db=$1 progress=$2 what=$3
  local ok; ok=$(sqlite3 "$db" "pragma integrity_check" 2>&1)
  [ "$ok" = ok ] || fail "$what: integrity_check says: $ok"
  local values
  values=$(sed -n 's/^committed session=\([0-9]*\) action=\([0-9]*\) at_ms=\([0-9]*\) kind=\([a-z]*\) target=.*/(\1,\2,\3,'"'"'\4'"'"')/p' \
           "$progress" | paste -sd, -)
  [ -n "$values" ] || return 0
  local n; n=$(sed -n '/^committed /p' "$progress" | wc -l)
  acked_total=$((acked_total + n))
  local lost
  lost=$(sql "$db" "with acked(s, a, t, k) as (values $values)
    select group_concat(a) from acked where not exists
      (select 1 from actions x where x.id = a and x.session_id = s and x.at_ms = t and x.kind = k)")
  [ -z "$lost" ] || fail "$what: acknowledged actions lost: $lost ($(tail -2 "$progress"))"
  local session stored
  session=$(sed -n 's/^committed session=\([0-9]*\) .*/\1/p' "$progress" | tail -1)
  stored=$(sql "$db" "select count(*) from actions where session_id = $session")
  [ "$stored" -ge "$n" ] && [ "$stored" -le $((n + 1)) ] ||
    fail "$what: session $session stores $stored actions, $n were acknowledged (at most one more may be)"
}

# kill_at MS -- COMMAND...: starts the command (stdout to $WORK/progress), kills it with SIGKILL
# after MS milliseconds unless it ended before; says "killed" or "ended".
kill_at() {
  local ms=$1; shift 2
  "$@" >"$WORK/progress" 2>"$WORK/err" &
  local pid=$!
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
  if kill -KILL "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    kills=$((kills + 1))
    echo killed
  else
    wait "$pid" || fail "a run that was not killed exited with $?: $*"
    echo ended
  fi
}

# ---- headless ----------------------------------------------------------------------------------
db="$WORK/crash.db"
rm -f "$db"*
# How long one headless run takes here (sanitizer builds are slower): kills land within it.
# The second run is timed: the first one also creates the database.
for pass in 1 2; do
  start=$(date +%s%N)
  "$CRISISDRILL" play complaint-snowball --headless --answers "$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt" \
    --db "$WORK/timing.db" >/dev/null || fail "the timing run failed"
done
span=$(($(ms_since "$start") * 8 / 10 + 2))
for ((i = 1; i <= headless_runs; i++)); do
  scenario=${scenarios[RANDOM % 4]}
  answers=$(ls "$SOURCE_DIR/scenarios/$scenario/answers/"*.txt | sed -n "$((RANDOM % 3 + 1))p")
  # Every tenth run starts a new database: kills land in its creation and migration too.
  ((i % 10 == 1)) && rm -f "$db"*
  at=$((RANDOM % span))
  kill_at "$at" -- "$CRISISDRILL" play "$scenario" --headless --answers "$answers" --db "$db" --progress \
    --seed $((RANDOM + 1)) >"$WORK/fate"
  [ -e "$db" ] || continue # killed before the database existed
  check_after_kill "$db" "$WORK/progress" "headless run $i ($scenario, $(basename "$answers"), killed at ${at} ms)"
done
headless_kills=$kills

# ---- the window, driven by an answers file through the desk (CRISISDRILL_UI_ANSWERS) -----------
wdb="$WORK/crash-window.db"
rm -f "$wdb"*
export SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1
speed=400 # a 20-minute scenario in 3 s
for ((i = 1; i <= window_runs; i++)); do
  scenario=${scenarios[RANDOM % 4]}
  at=$((RANDOM % 3500 + 50))
  CRISISDRILL_UI_ANSWERS="$SOURCE_DIR/scenarios/$scenario/answers/good.txt" \
    kill_at "$at" -- "$CRISISDRILL" play "$scenario" --speed "$speed" --db "$wdb" --progress --trainee "w$i" \
    >"$WORK/fate"
  [ -e "$wdb" ] || continue
  check_after_kill "$wdb" "$WORK/progress" "window run $i ($scenario, killed at ${at} ms)"
done
window_kills=$((kills - headless_kills))

# ---- after the kills: the next writer closes the dead sessions; totals add up -------------------
for d in "$db" "$wdb"; do
  expect_exit 0 -- "$CRISISDRILL" rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db "$d"
  expect_value "$d" "select count(*) from sessions where status = 'running'" 0
  expect_value "$d" "select count(*) from sessions s where status in ('completed', 'interrupted')
    and total is not (select coalesce(sum(points), 0) from scores where session_id = s.id)" 0
  expect_value "$d" "select count(*) from sessions where status = 'interrupted' and error not like 'the program stopped%'" 0
  expect_value "$d" "pragma integrity_check" ok
done
[ "$headless_kills" -ge $((headless_runs / 2)) ] || fail "only $headless_kills of $headless_runs headless runs were killed"
[ "$window_kills" -ge $((window_runs / 2)) ] || fail "only $window_kills of $window_runs window runs were killed"
[ "$acked_total" -gt 0 ] || fail "no action was ever acknowledged: the kills all came too early"
echo "seed $seed: $headless_kills of $headless_runs headless runs and $window_kills of $window_runs window runs killed;" \
     "$acked_total acknowledged actions checked"
