# Helpers for tests/cli/sandbox.sh and tests/cli/errors.sh (sourced; not a test
# itself: only tests/cli/*.sh become tests).
#
# A scenario that must fail says how, in comments:
#   -- EXPECT: MESSAGE   on the line the error must name (exactly one such line);
#                        stderr's first line must be "crisisdrill: FILE.lua:LINE: MESSAGE..."
#   -- AT: FILE:LINE     the error names this position instead (an error inside a
#                        module of the library folder: "lib/NAME.lua:LINE"); the
#                        EXPECT line marks where the scenario reaches it
#   -- SESSION: none     the error comes before the session begins (loading):
#                        the database must hold no session. Otherwise the session
#                        must be recorded 'aborted' with that same error.
#   -- KEEPS: ID ...     posts shown before the error, which must still be stored
#   -- WITHIN: SECONDS   the run must end within this time (default: the 20 s timeout),
#                        times CRISISDRILL_TIME_SCALE (3 under the sanitizers, whose
#                        code runs several times slower)
#   -- KNOWN HOLE: TEXT  an engine bug not fixed yet: skipped unless CRISISDRILL_KNOWN_HOLES=1

: >"$WORK/empty.txt"

# directive FILE NAME: the value of "-- NAME: value" in FILE (first one), or nothing.
directive() { sed -n "s/.*-- $2: //p" "$1" | head -1; }

# now_ms: wall clock in milliseconds.
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

# play_capture DIR NAME ANSWERS DB: plays DIR/NAME.lua from inside DIR (so that Lua
# names the file "NAME.lua"), with a 20 s timeout; sets $rc, $elapsed_ms and $peak_kb
# (the program's peak resident memory, from GNU time) and keeps stdout/stderr in
# $WORK/out and $WORK/err.
play_capture() {
  local dir=$1 name=$2 answers=$3 db=$4 start
  [ -x /usr/bin/time ] || fail "GNU time (/usr/bin/time) is missing: scripts/install-deps installs it"
  start=$(now_ms)
  rc=0
  (cd "$dir" && /usr/bin/time -f '%M' -o "$WORK/peak" \
    timeout 20 "$CRISISDRILL" play "$name.lua" --headless --answers "$answers" --db "$db") \
    >"$WORK/out" 2>"$WORK/err" || rc=$?
  elapsed_ms=$(($(now_ms) - start))
  peak_kb=$(tail -1 "$WORK/peak" 2>/dev/null)
  [[ "$peak_kb" =~ ^[0-9]+$ ]] || peak_kb=0
}

# check_status NAME WANT: the exit status was WANT, and the program neither hung
# (timeout's 124) nor died of a signal (>= 128).
check_status() {
  local name=$1 want=$2
  if [ "$rc" = 124 ]; then fail "$name: still running after 20 s (killed by timeout)"
  elif [ "$rc" -ge 128 ]; then fail "$name: crashed (exit $rc: signal $((rc - 128)))"
  elif [ "$rc" != "$want" ]; then fail "$name: exit $rc, expected $want"
  fi
  [ "$rc" = "$want" ] || sed 's/^/    err: /' "$WORK/err" | head -5 >&2
}

# check_scenario_error FILE [ANSWERS]: plays FILE and checks everything its
# directives say. Prints the time it took.
check_scenario_error() {
  local file=$1 answers=${2:-$WORK/empty.txt}
  local dir name db line msg session keeps within hole first rest want_lines where
  dir=$(cd "$(dirname "$file")" && pwd)
  name=$(basename "$file" .lua)
  db="$WORK/$name.db"
  rm -f "$db" "$db-wal" "$db-shm"
  hole=$(directive "$file" "KNOWN HOLE")
  if [ -n "$hole" ] && [ "${CRISISDRILL_KNOWN_HOLES:-0}" != 1 ]; then
    echo "SKIP $name: known hole, not fixed yet: $hole (CRISISDRILL_KNOWN_HOLES=1 runs it)"
    return
  fi
  line=$(grep -n -- '-- EXPECT: ' "$file" | cut -d: -f1)
  msg=$(directive "$file" EXPECT)
  if [ -z "$line" ] || [ "$(printf '%s\n' "$line" | wc -l)" != 1 ]; then
    fail "$file: needs exactly one '-- EXPECT: message' line"; return
  fi
  where=$(directive "$file" AT)
  [ -n "$where" ] || where="$name.lua:$line"
  session=$(directive "$file" SESSION)
  keeps=$(directive "$file" KEEPS)
  within=$(directive "$file" WITHIN)

  play_capture "$dir" "$name" "$answers" "$db"
  echo "$name: exit $rc in ${elapsed_ms} ms"
  check_status "$name" 1

  # One line naming file and line, then the message (coroutine.wrap repeats the
  # position, as plain Lua does).
  first=$(head -1 "$WORK/err")
  rest=${first#"crisisdrill: $where: "}
  if [ "$rest" = "$first" ]; then
    fail "$name: stderr should begin with 'crisisdrill: $where: ', got: $first"
  else
    rest=${rest#"$where: "}
    [[ "$rest" == "$msg"* ]] || fail "$name: message should begin with '$msg', got: $rest"
  fi
  expect_not_in "$WORK/err" "ESCAPED"

  if [ -n "$within" ] && [ "$elapsed_ms" -gt $((within * 1000 * ${CRISISDRILL_TIME_SCALE:-1})) ]; then
    fail "$name: took ${elapsed_ms} ms, more than ${within} s × ${CRISISDRILL_TIME_SCALE:-1}"
  fi

  if [ ! -f "$db" ]; then fail "$name: no database at all"; return; fi
  if [ "$session" = none ]; then
    want_lines=1
    [ "$(sql "$db" "select count(*) from sessions")" = 0 ] ||
      fail "$name: an error while loading should record no session"
  else
    want_lines=2
    [ "$(sql "$db" "select count(*) from sessions")" = 1 ] || fail "$name: expected one session"
    [ "$(sql "$db" "select status from sessions")" = aborted ] ||
      fail "$name: session status '$(sql "$db" "select status from sessions")', expected aborted"
    [ "$(sql "$db" "select error from sessions")" = "${first#crisisdrill: }" ] ||
      fail "$name: stored error '$(sql "$db" "select error from sessions")' differs from the message"
    expect_in "$WORK/err" "session 1 is recorded as aborted"
    for id in $keeps; do
      [ "$(sql "$db" "select count(*) from posts where post_id = '$id'")" = 1 ] ||
        fail "$name: post $id, shown before the error, is not stored"
    done
  fi
  [ "$(wc -l <"$WORK/err")" = "$want_lines" ] || {
    fail "$name: stderr has $(wc -l <"$WORK/err") lines, expected $want_lines"; sed 's/^/    /' "$WORK/err" >&2; }
}
