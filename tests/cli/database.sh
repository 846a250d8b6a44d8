# Databases in bad conditions: read-only file or folder, locked by another program, from a newer
# version or another program, truncated, with a damaged page, on a full disk. Each gives exit 1 and
# one line "crisisdrill: FILE: ..." (two when a session was already under way: the second says
# what is kept), and loses nothing that was stored: the rows are compared before and after
# (docs/reliability.md).
cd "$WORK"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
play() { "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" "$@"; }

# rows DB: every stored row of every session, in a canonical order (compared before and after).
rows() {
  sqlite3 -readonly "$1" "select * from sessions order by id; select * from actions order by id;
    select * from scores order by id; select * from posts order by session_id, post_id;
    select * from personas order by session_id, handle; select * from alert_obligations order by id;
    select * from branches order by session_id, at_ms, name; select count(*) from rules" | md5sum
}
# error_line [WORDS]: stderr is one line "crisisdrill: ..." that contains WORDS.
error_line() {
  [ "$(wc -l <"$WORK/err")" = 1 ] || { fail "expected one line on stderr:"; sed 's/^/    /' "$WORK/err" >&2; }
  grep -q '^crisisdrill: ' "$WORK/err" || fail "the error should start with 'crisisdrill: ': $(cat "$WORK/err")"
  [ -z "${1:-}" ] || expect_in "$WORK/err" "$1"
}
# A database with two sessions: what must not be lost.
base=base.db
play --db "$base" >/dev/null && play --db "$base" --trainee bob >/dev/null || fail "cannot make the base database"
base_rows=$(rows "$base")

# Permissions do not bind root, whose capabilities override them: as root, the read-only cases run
# as root without any capability (an empty bounding set: the program starts with none). Still uid 0,
# it reaches the binary, the scenarios and these files wherever the clone lives; as the user nobody
# they failed in a mode-700 folder (root's home, a mktemp -d) before reaching the read-only file.
as_user=()
if [ "$(id -u)" = 0 ]; then
  as_user=(setpriv --inh-caps=-all --bounding-set=-all --)
  : >cap-probe && chmod 444 cap-probe
  if "${as_user[@]}" sh -c 'echo x >>cap-probe' 2>/dev/null; then
    fail "setpriv could not drop root's capabilities: the read-only cases would test nothing"
  fi
fi

# ---- a read-only file: nothing written; reading still works ----------------------------------------
mkdir -p ro-file && chmod 777 ro-file && cp "$base" ro-file/x.db && chmod 444 ro-file/x.db
expect_exit 1 -- "${as_user[@]}" "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" --db ro-file/x.db
error_line "the file is read-only"
[ "$(rows ro-file/x.db)" = "$base_rows" ] || fail "read-only file: rows changed"
expect_exit 0 -- "${as_user[@]}" "$CRISISDRILL" sessions --db ro-file/x.db
expect_in "$WORK/out" "completed"
expect_exit 0 -- "${as_user[@]}" "$CRISISDRILL" report --session 2 --db ro-file/x.db

# ---- a read-only folder: SQLite cannot create DB-wal and DB-shm beside the file --------------------
mkdir -p ro-dir && cp "$base" ro-dir/x.db && chmod 666 ro-dir/x.db && chmod 555 ro-dir
for cmd in play sessions; do
  if [ $cmd = play ]; then
    expect_exit 1 -- "${as_user[@]}" "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" --db ro-dir/x.db
  else
    expect_exit 1 -- "${as_user[@]}" "$CRISISDRILL" sessions --db ro-dir/x.db
  fi
  error_line "its folder is read-only"
done
chmod 755 ro-dir
[ "$(rows ro-dir/x.db)" = "$base_rows" ] || fail "read-only folder: rows changed"

# ---- locked: another program holds the write lock ------------------------------------------------
cp "$base" locked.db
# hold_lock: another program (the sqlite3 tool) takes the write lock and holds it until release_lock.
# The test goes on when the holder has said, through a FIFO, that BEGIN IMMEDIATE succeeded (a fixed
# 0.3 s stood for that and failed on a busy machine). Each wait is bounded: a broken case fails.
hold_lock() {
  rm -f lock.fifo release.fifo && mkfifo lock.fifo release.fifo
  { echo ".bail on"; echo "begin immediate; insert into branches values(1, 1, 'other program');"; echo ".print held"
    read -r -t 120 _ <>release.fifo; echo "commit;"; } | sqlite3 locked.db >lock.fifo &
  holder=$!
  local said=""
  read -r -t 60 said <lock.fifo || true
  [ "$said" = held ] || fail "the other program did not take the write lock"
}
release_lock() { echo commit 1<>release.fifo; wait "$holder" || fail "the other program's commit failed"; }
hold_lock
start=$(date +%s%N)
expect_exit 1 -- play --db locked.db
waited=$((($(date +%s%N) - start) / 1000000))
error_line "locked by another program (waited 5 s)"
[ "$waited" -ge 4500 ] && [ "$waited" -lt 7500 ] || fail "locked: gave up after $waited ms, expected the 5 s busy timeout"
# Readers are not blocked by a writer (WAL): the manager's commands answer at once.
start=$(date +%s%N)
expect_exit 0 -- "$CRISISDRILL" sessions --db locked.db
expect_exit 0 -- "$CRISISDRILL" report --session 1 --db locked.db
expect_exit 0 -- "$CRISISDRILL" transcript --session 2 --db locked.db
read_ms=$((($(date +%s%N) - start) / 1000000))
[ "$read_ms" -lt 2000 ] || fail "locked: reading took $read_ms ms while another program wrote"
release_lock
expect_value locked.db "select count(*) from sessions" 2
expect_value locked.db "select count(*) from branches where name = 'other program'" 1
# A lock held for less than the busy timeout (1 s, from the moment it is held) is waited for.
hold_lock
play --db locked.db >"$WORK/out" 2>"$WORK/err" &
player=$!
sleep 1
release_lock
wait "$player" || fail "a play that met a lock held 1 s failed: $(cat "$WORK/err")"
expect_value locked.db "select count(*) from sessions where status = 'completed'" 3
expect_value locked.db "select count(*) from branches where name = 'other program'" 2

# ---- from a newer Crisis Drill, or from another program with our tables ----------------------------
cp "$base" newer.db && sqlite3 newer.db "pragma user_version = 8"
sum=$(md5sum <newer.db)
for cmd in play sessions transcript; do
  case $cmd in
    play) expect_exit 1 -- play --db newer.db ;;
    sessions) expect_exit 1 -- "$CRISISDRILL" sessions --db newer.db ;;
    transcript) expect_exit 1 -- "$CRISISDRILL" transcript --session 1 --db newer.db ;;
  esac
  error_line "written by a newer Crisis Drill (schema 8; this program knows up to"
done
expect_exit 1 -- "$CRISISDRILL" rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db newer.db
error_line "written by a newer Crisis Drill"
[ "$(md5sum <newer.db)" = "$sum" ] || fail "newer database: the file changed"
cp "$base" foreign.db && sqlite3 foreign.db "pragma application_id = 1234567"
sum=$(md5sum <foreign.db)
expect_exit 1 -- play --db foreign.db
error_line "belongs to another program"
expect_exit 1 -- "$CRISISDRILL" report --session 1 --db foreign.db
error_line "belongs to another program"
[ "$(md5sum <foreign.db)" = "$sum" ] || fail "foreign application_id: the file changed"

# ---- truncated, and a damaged page ---------------------------------------------------------------
cp "$base" truncated.db && truncate -s $(($(stat -c %s "$base") / 2)) truncated.db
sum=$(md5sum <truncated.db)
expect_exit 1 -- play --db truncated.db
error_line "truncated.db: "
expect_exit 1 -- "$CRISISDRILL" sessions --db truncated.db
error_line "damaged"
[ "$(md5sum <truncated.db)" = "$sum" ] || fail "truncated database: the file changed"
# A page in the middle of the file (a table's page, not the schema): readers may still read
# around it; a writer refuses to add to a damaged file (quick_check at open).
pages=$(sqlite3 "$base" "pragma page_count")
for page in 2 $((pages / 2)) $((pages - 1)); do
  cp "$base" damaged.db
  dd if=/dev/urandom of=damaged.db bs=4096 seek=$((page - 1)) count=1 conv=notrunc status=none
  sum=$(md5sum <damaged.db)
  expect_exit 1 -- play --db damaged.db
  error_line "the database is damaged (Page $page"
  expect_exit 1 -- "$CRISISDRILL" rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db damaged.db
  error_line "damaged"
  for cmd in sessions report; do
    got=0
    if [ $cmd = sessions ]; then "$CRISISDRILL" sessions --db damaged.db >"$WORK/out" 2>"$WORK/err" || got=$?
    else "$CRISISDRILL" report --session 1 --db damaged.db >"$WORK/out" 2>"$WORK/err" || got=$?; fi
    [ "$got" = 0 ] || { [ "$got" = 1 ] && error_line; } || fail "damaged page $page: $cmd exited $got"
  done
  [ "$(md5sum <damaged.db)" = "$sum" ] || fail "damaged page $page: the file changed"
  [ ! -e damaged.db-wal ] || [ ! -s damaged.db-wal ] || fail "damaged page $page: a WAL with content was left"
done

# ---- a full disk: the file size limit (ulimit -f, SIGXFSZ ignored) makes writes fail ----------------
# At several limits the write fails at a different place: at the open, at the session's start, or
# in the middle of the play. Whatever was acknowledged (--progress) is kept, and the rows stored
# before are unchanged.
size_kb=$(($(stat -c %s "$base") / 1024))
mid_play=0
for extra in 0 4 8 12 16 24 32 48 64 96; do
  cp "$base" full.db
  got=0
  ( trap '' XFSZ; ulimit -f $((size_kb + extra)); exec "$CRISISDRILL" play complaint-snowball --headless \
      --answers "$answers" --db full.db --progress ) >"$WORK/out" 2>"$WORK/err" || got=$?
  what="full disk at +${extra} KiB"
  if [ "$got" = 1 ]; then
    [ "$(wc -l <"$WORK/err")" -le 2 ] || fail "$what: more than two lines on stderr: $(cat "$WORK/err")"
    first=$(head -1 "$WORK/err")
    [[ "$first" == "crisisdrill: full.db: "*"disk"* ]] || fail "$what: unexpected error: $first"
    acked=$(grep -c '^committed ' "$WORK/out" || true)
    [ "$acked" -gt 0 ] && mid_play=$((mid_play + 1))
    echo "$what: $acked acknowledged, then: $first"
    stored=$(sql full.db "select count(*) from actions where session_id = 3")
    [ "$stored" -ge "$acked" ] || fail "$what: $acked actions acknowledged, $stored stored"
  elif [ "$got" != 0 ]; then
    fail "$what: exit $got: $(head -2 "$WORK/err")"
  fi
  expect_value full.db "pragma integrity_check" ok
  expect_value full.db "select count(*) from sessions where id <= 2 and status = 'completed'" 2
  [ "$(sqlite3 -readonly full.db "select * from actions where session_id <= 2 order by id;
        select * from scores where session_id <= 2 order by id" | md5sum)" = \
    "$(sqlite3 -readonly "$base" "select * from actions order by id; select * from scores order by id" | md5sum)" ] ||
    fail "$what: the rows stored before changed"
  # Once there is room again, the next program closes a session the failure left running.
  expect_exit 0 -- play --db full.db
  expect_value full.db "select count(*) from sessions where status = 'running'" 0
done
[ "$mid_play" -gt 0 ] || fail "no limit made the disk full in the middle of a play"
echo "full disk: $mid_play of 10 size limits failed in the middle of a play"
