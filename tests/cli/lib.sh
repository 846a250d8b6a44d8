# Helpers for CLI tests. Each check prints what failed; `finish` exits 1 if any did.
failures=0

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

finish() {
  if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
