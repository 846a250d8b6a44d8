# The Lua sandbox: every facility a scenario must not reach (tests/scenarios/sandbox/*.lua,
# one file each) is out of reach, and each attempt ends with exit 1, one line
# "crisisdrill: FILE.lua:LINE: message" naming the line of the attempt, no crash, and
# the session recorded 'aborted' with that error and what was shown before it kept.
# A control scenario shows that what the sandbox keeps still works.
source "$SOURCE_DIR/tests/cli/scenario_checks.bash"
SANDBOX="$SOURCE_DIR/tests/scenarios/sandbox"

# ---- the harness can fail: a wrong line, a wrong message, no error at all ------------
mkdir -p "$WORK/selftest"
cat >"$WORK/selftest/wrong_line.lua" <<'LUA'
scenario{ id = "selftest", title = "Selftest", duration = 60 }
function main()
  -- EXPECT: unknown name 'io'
  local f = io.open("x")
end
LUA
cat >"$WORK/selftest/wrong_message.lua" <<'LUA'
scenario{ id = "selftest", title = "Selftest", duration = 60 }
function main()
  local f = io.open("x")  -- EXPECT: unknown name 'os'
end
LUA
cat >"$WORK/selftest/no_error.lua" <<'LUA'
scenario{ id = "selftest", title = "Selftest", duration = 60 }
function main()
  wait(1)  -- EXPECT: never raised
end
LUA
mkdir -p "$WORK/selftest/lib"
echo 'error("in the module")' >"$WORK/selftest/lib/boom.lua"
cat >"$WORK/selftest/wrong_at.lua" <<'LUA'
-- AT: lib/boom.lua:2
local boom = require "boom"  -- EXPECT: in the module
LUA
for case in wrong_line wrong_message no_error wrong_at; do
  caught=$( (failures=0; check_scenario_error "$WORK/selftest/$case.lua" >/dev/null 2>&1; echo "$failures") )
  [ "$caught" -gt 0 ] || fail "selftest: check_scenario_error passed $case.lua"
done

# ---- each forbidden facility, each attempt to exhaust -----------------------------------
# Every hostile scenario ends within SECONDS_MAX and PEAK_MAX_KB of resident memory (the
# scenario's 64 MiB ceiling plus the program itself), and writes nothing but its database:
# they run from a copy of the folder, with HOME and TMPDIR empty, checked afterwards.
# Sanitized code runs several times slower (the asan preset sets CRISISDRILL_TIME_SCALE=3).
SECONDS_MAX=$((10 * ${CRISISDRILL_TIME_SCALE:-1}))
PEAK_MAX_KB=$((128 * 1024))
# What the scenario API keeps in the database is bounded by the data budget of a session
# (32 MiB of texts and items: engine/core/session.c); the database file stays under this.
DB_MAX_KB=$((64 * 1024))
# Under AddressSanitizer (the asan preset) shadow memory and quarantine come on top of what the
# program uses: the bound there only catches a runaway.
case "$(ldd "$CRISISDRILL" 2>/dev/null)" in *libasan*) PEAK_MAX_KB=$((1024 * 1024)) ;; esac
rm -f /tmp/crisisdrill-sandbox-escaped
mkdir -p "$WORK/hostile" "$WORK/home" "$WORK/tmp"
cp "$SANDBOX"/*.lua "$WORK/hostile/"
cp -r "$SANDBOX/lib" "$WORK/hostile/"   # the library folder of the lib_*.lua cases
before=$(cd "$WORK/hostile" && ls -A | sort)
count=0
for f in "$WORK/hostile"/*.lua; do
  [ "$(basename "$f")" = allowed.lua ] && continue
  HOME="$WORK/home" TMPDIR="$WORK/tmp" check_scenario_error "$f"
  name=$(basename "$f" .lua)
  [ "$elapsed_ms" -le $((SECONDS_MAX * 1000)) ] || fail "$name: took ${elapsed_ms} ms (at most ${SECONDS_MAX} s)"
  [ "$peak_kb" -gt 0 ] || fail "$name: no peak memory measured"
  [ "$peak_kb" -le "$PEAK_MAX_KB" ] || fail "$name: peak memory ${peak_kb} KiB (at most $PEAK_MAX_KB KiB)"
  db_kb=$(cat "$WORK/$name.db" "$WORK/$name.db-wal" 2>/dev/null | wc -c)
  db_kb=$((db_kb / 1024))
  [ "$db_kb" -le "$DB_MAX_KB" ] || fail "$name: database of ${db_kb} KiB (at most $DB_MAX_KB KiB)"
  echo "$name: peak ${peak_kb} KiB, database ${db_kb} KiB"
  count=$((count + 1))
done
[ "$count" -ge 60 ] || fail "only $count sandbox scenarios ran"
[ ! -e /tmp/crisisdrill-sandbox-escaped ] || fail "os.execute ran a command from a scenario"
[ "$(cd "$WORK/hostile" && ls -A | sort)" = "$before" ] || fail "a hostile scenario left a file beside it"
[ -z "$(find "$WORK/home" "$WORK/tmp" -mindepth 1)" ] || fail "a hostile scenario wrote into HOME or TMPDIR: $(find "$WORK/home" "$WORK/tmp" -mindepth 1)"

# ---- a language file is loaded in the sandbox too; `check` plays under the same bounds ------
# tests/scenarios/sandbox/language/CASE/ holds a scenario whose en.lua tries to escape while it
# loads: play and check both end with exit 1 and the en.lua line, in time.
for dir in "$SANDBOX"/language/*/; do
  case=$(basename "$dir")
  line=$(grep -n -- '-- EXPECT: ' "$dir/en.lua" | cut -d: -f1)
  msg=$(directive "$dir/en.lua" EXPECT)
  for how in play check; do
    rm -f "$WORK/lang-$case.db"
    start=$(now_ms)
    rc=0
    if [ $how = play ]; then
      (cd "$dir" && timeout 20 "$CRISISDRILL" play scenario.lua --headless --answers "$WORK/empty.txt" \
        --db "$WORK/lang-$case.db") >"$WORK/out" 2>"$WORK/err" || rc=$?
    else
      (cd "$dir" && timeout 20 "$CRISISDRILL" check scenario.lua) >"$WORK/out" 2>"$WORK/err" || rc=$?
    fi
    elapsed_ms=$(($(now_ms) - start))
    check_status "language $case ($how)" 1
    cat "$WORK/out" >>"$WORK/err"
    expect_in "$WORK/err" "en.lua:$line: $msg"
    expect_not_in "$WORK/err" "ESCAPED"
    [ "$elapsed_ms" -le $((SECONDS_MAX * 1000)) ] || fail "language $case ($how): took ${elapsed_ms} ms"
    echo "language $case ($how): exit $rc in ${elapsed_ms} ms"
  done
done
[ -n "$(ls -d "$SANDBOX"/language/*/ 2>/dev/null)" ] || fail "no language-file cases ran"

# `check` plays a scenario as `play` does: the time budgets stop it there too, with the line.
for name in budget_xpcall_handler_loop sort_pattern_comparator run_millisecond_waits host_thread_close; do
  line=$(grep -n -- '-- EXPECT: ' "$WORK/hostile/$name.lua" | cut -d: -f1)
  start=$(now_ms)
  rc=0
  (cd "$WORK/hostile" && timeout 20 "$CRISISDRILL" check "$name.lua") >"$WORK/out" 2>"$WORK/err" || rc=$?
  elapsed_ms=$(($(now_ms) - start))
  check_status "check $name" 1
  cat "$WORK/out" >>"$WORK/err"
  expect_in "$WORK/err" "$name.lua:$line: $(directive "$WORK/hostile/$name.lua" EXPECT)"
  [ "$elapsed_ms" -le $((SECONDS_MAX * 1000)) ] || fail "check $name: took ${elapsed_ms} ms"
  echo "check $name: exit $rc in ${elapsed_ms} ms"
done

# ---- the window: the same attempts stop the windowed session with the error --------------
# (tests/ui/test_desk.c checks that the debrief draws it.)
for name in os pattern_issue_example recursion_coroutine_wrap table_bomb pcall_budget \
            budget_xpcall_handler_loop run_millisecond_waits; do
  db="$WORK/window-$name.db"
  rm -f "$db"
  rc=0
  (cd "$WORK/hostile" && SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1 timeout 20 \
    "$CRISISDRILL" play "$name.lua" --speed 100 --db "$db" --trainee window) >"$WORK/out" 2>"$WORK/err" || rc=$?
  check_status "window $name" 1
  line=$(grep -n -- '-- EXPECT: ' "$WORK/hostile/$name.lua" | cut -d: -f1)
  expect_in "$WORK/err" "crisisdrill: $name.lua:$line: $(directive "$WORK/hostile/$name.lua" EXPECT)"
  [ "$(sql "$db" "select mode || '|' || status from sessions")" = "window|aborted" ] ||
    fail "window $name: session $(sql "$db" "select mode, status from sessions")"
  [ "$(sql "$db" "select error from sessions")" = "$(head -1 "$WORK/err" | sed 's/^crisisdrill: //')" ] ||
    fail "window $name: stored error differs from the one shown"
done

# ---- a scenario file that is a binary chunk is refused (text only) --------------------
# The header of Lua 5.4 bytecode, then a few bytes: enough for the loader to tell.
printf '\033LuaT\000\031\223\r\n\032\n\004\010\010xV\000\000\000\000\000\000\000\000\000\000\000(w@' \
  >"$WORK/binary_chunk.lua"
rm -f "$WORK/binary.db"
play_capture "$WORK" binary_chunk "$WORK/empty.txt" "$WORK/binary.db"
check_status binary_chunk 1
[ "$(cat "$WORK/err")" = "crisisdrill: binary_chunk.lua:1: attempt to load a binary chunk (mode is 't')" ] ||
  fail "binary chunk: unexpected error: $(cat "$WORK/err")"
[ "$(sql "$WORK/binary.db" "select count(*) from sessions")" = 0 ] || fail "binary chunk: a session was recorded"

# ---- the control: what the sandbox keeps works, and the seed decides math.random ------
play_allowed() {
  local seed=$1 db="$WORK/allowed-$2.db"
  rm -f "$db"
  rc=0
  (cd "$SANDBOX" && timeout 20 "$CRISISDRILL" play allowed.lua --headless --answers "$WORK/empty.txt" \
    --db "$db" --seed "$seed") >"$WORK/out" 2>"$WORK/err" || rc=$?
  check_status "allowed (seed $seed)" 0
  [ "$(sql "$db" "select status || '|' || ifnull(error, '') from sessions")" = "completed|" ] ||
    fail "allowed: session $(sql "$db" "select status || ': ' || ifnull(error, '') from sessions")"
}
play_allowed 7 a
play_allowed 7 b
play_allowed 8 c
dice() { sql "$WORK/allowed-$1.db" "select text from posts where post_id = 'c1'"; }
[ -n "$(dice a)" ] && [ "$(dice a)" = "$(dice b)" ] || fail "math.random: the same seed gave '$(dice a)' and '$(dice b)'"
[ "$(dice a)" != "$(dice c)" ] || fail "math.random: seeds 7 and 8 gave the same numbers '$(dice a)'"
