# Concurrent use of one database file: three trainees play headless, one in the window (SDL's dummy
# driver, driven by an answers file), while a manager lists sessions, reads reports and transcripts
# in a loop. No command may fail or wait past the busy timeout; at every moment a reader sees a
# consistent database: a completed session's stored total is the sum of its score rows (a session
# is never seen completed half-written); at the end every session is complete and sound
# (docs/reliability.md).
cd "$WORK"
db="$WORK/shared.db"
rm -f "$db"*
plays_each=${CONCURRENT_PLAYS:-8}
scenarios=(complaint-snowball data-leak-rumour employee-viral hashtag-hijack)

# Four trainees starting at once on a file that does not exist yet: one creates the schema, the
# others wait for it and find it made (five rounds).
for round in 1 2 3 4 5; do
  rm -f "$WORK/new.db"*
  for n in 1 2 3 4; do
    "$CRISISDRILL" play complaint-snowball --headless --answers "$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt" \
      --db "$WORK/new.db" >/dev/null 2>"$WORK/new.err.$n" &
  done
  wait
  expect_value "$WORK/new.db" "select count(*) from sessions where status = 'completed'" 4
  cat "$WORK"/new.err.* >"$WORK/new.err"
  [ ! -s "$WORK/new.err" ] || fail "starting together on a new file, round $round: $(head -2 "$WORK/new.err")"
done

# snapshot QUERY: the manager's own look with the sqlite3 tool, waiting like the program does (a
# WAL reader can meet a lock for a moment, while a writer checkpoints).
snapshot() { sqlite3 -readonly -cmd ".timeout 5000" "$db" "$1"; }

# timed NAME COMMAND...: runs it; appends "NAME EXIT MS" to $WORK/times.NAME (one file per process).
timed() {
  local name=$1; shift
  local start; start=$(date +%s%N)
  local got=0
  "$@" >"$WORK/out.$name" 2>"$WORK/err.$name" || got=$?
  echo "$got $((($(date +%s%N) - start) / 1000000)) $*" >>"$WORK/times.$name"
  [ "$got" = 0 ] || { echo "exit $got: $*" >&2; sed 's/^/    err: /' "$WORK/err.$name" | head -3 >&2; }
}

trainee() { # N: plays $plays_each sessions in a row
  local i s
  for ((i = 0; i < plays_each; i++)); do
    s=${scenarios[(i + $1) % 4]}
    timed "trainee$1" "$CRISISDRILL" play "$s" --headless --answers "$SOURCE_DIR/scenarios/$s/answers/good.txt" \
      --db "$db" --trainee "t$1" --lang $([ $((i % 2)) = 0 ] && echo en || echo fr)
  done
}

# The shared file exists before the manager's first look (starting together on a new file is
# checked above).
"$CRISISDRILL" rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db "$db" >/dev/null || fail "rules import"
rm -f "$WORK"/times.*
for n in 1 2 3; do trainee $n & done
SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1 \
  CRISISDRILL_UI_ANSWERS="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt" \
  timed window "$CRISISDRILL" play complaint-snowball --speed 300 --db "$db" --trainee window &
window=$!

# The manager, until every trainee is done.
reads=0 inconsistent=0
while [ -n "$(jobs -rp)" ]; do
  timed manager "$CRISISDRILL" sessions --db "$db"
  timed manager "$CRISISDRILL" sessions --db "$db" --format json
  last=$(snapshot "select max(id) from sessions")
  if [ -n "$last" ]; then
    timed manager "$CRISISDRILL" report --session "$last" --db "$db"
    timed manager "$CRISISDRILL" transcript --session "$last" --db "$db"
    timed manager "$CRISISDRILL" report --session $((RANDOM % last + 1)) --db "$db" --format json
  fi
  # One read transaction: a session seen completed has all its score rows.
  bad=$(snapshot "select group_concat(id) from sessions s where status = 'completed'
         and total is not (select coalesce(sum(points), 0) from scores where session_id = s.id)")
  [ -z "$bad" ] || { inconsistent=$((inconsistent + 1)); fail "seen completed but half-written: sessions $bad"; }
  reads=$((reads + 1))
  [ $reads -lt 2000 ] || { fail "the players did not finish"; break; }
done
wait

# Every command succeeded, none waited past the busy timeout (5 s).
failed=$(cat "$WORK"/times.* | awk '$1 != 0' | wc -l)
[ "$failed" = 0 ] || fail "$failed commands failed: $(cat "$WORK"/times.* | awk '$1 != 0' | head -3)"
slowest=$(cat "$WORK"/times.trainee* "$WORK"/times.manager | sort -k2 -n | tail -1)
[ "$(echo "$slowest" | cut -d' ' -f2)" -lt 5000 ] || fail "a command took past the busy timeout: $slowest"
manager_max=$(sort -k2 -n "$WORK/times.manager" | tail -1 | cut -d' ' -f2)
[ "$manager_max" -lt 2000 ] || fail "a manager's command took $manager_max ms"

expect_value "$db" "select count(*) from sessions" $((3 * plays_each + 1))
expect_value "$db" "select count(*) from sessions where status = 'completed'" $((3 * plays_each + 1))
expect_value "$db" "select mode || '/' || status from sessions where trainee = 'window'" window/completed
expect_value "$db" "select count(*) from sessions s where total is not (select sum(points) from scores where session_id = s.id)" 0
expect_value "$db" "pragma integrity_check" ok
# The same play gives the same rows whoever else writes: every headless good run of a scenario and
# language has one total.
expect_value "$db" "select count(*) from (select scenario_id, language from sessions where mode = 'headless'
  group by 1, 2 having count(distinct total) > 1)" 0
echo "$reads rounds of manager reads ($(wc -l <"$WORK/times.manager") commands, slowest $manager_max ms)" \
     "while $((3 * plays_each)) headless plays and 1 window play ran; slowest command overall: $slowest"
