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
for case in wrong_line wrong_message no_error; do
  caught=$( (failures=0; check_scenario_error "$WORK/selftest/$case.lua" >/dev/null 2>&1; echo "$failures") )
  [ "$caught" -gt 0 ] || fail "selftest: check_scenario_error passed $case.lua"
done

# ---- each forbidden facility ------------------------------------------------------------
rm -f /tmp/crisisdrill-sandbox-escaped
count=0
for f in "$SANDBOX"/*.lua; do
  [ "$(basename "$f")" = allowed.lua ] && continue
  check_scenario_error "$f"
  count=$((count + 1))
done
[ "$count" -ge 25 ] || fail "only $count sandbox scenarios ran"
[ ! -e /tmp/crisisdrill-sandbox-escaped ] || fail "os.execute ran a command from a scenario"

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
