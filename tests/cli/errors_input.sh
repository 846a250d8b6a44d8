# Errors in what the user gives the program: answers files, databases, paths and
# options. Exit 1 with one line "crisisdrill: ..." naming the file (and the line of
# an answers file), exit 2 for usage; nothing recorded that should not be, and a
# database that is not ours, or is newer, left byte for byte as it was.
cd "$WORK"
: >empty.txt
cat >play.lua <<'LUA'
scenario{ id = "input-errors", title = "Input errors", duration = 600 }
persona{ handle = "@a", name = "A", followers = 10, role = "customer" }
function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "My order never came and nobody answers." }
  wait(30)
  post{ id = "c2", author = "@a", situation = "complaint", text = "Still nothing." }
  wait(600)
end
LUA

# one_line FILE: the file holds exactly one line, which starts "crisisdrill: ".
one_line() {
  [ "$(wc -l <"$1")" = 1 ] || { fail "$1: expected one line, got $(wc -l <"$1")"; sed 's/^/    /' "$1" >&2; }
  grep -q '^crisisdrill: ' "$1" || fail "$1: the line should start with 'crisisdrill: '"
}
# first_line_is TEXT: stderr's first line begins with TEXT.
first_line_is() {
  local first; first=$(head -1 "$WORK/err")
  [[ "$first" == "$1"* ]] || fail "stderr should begin with '$1', got: $first"
}
play() { "$CRISISDRILL" play play.lua --headless "$@"; }
sessions() { sql "$1" "select count(*) from sessions"; }

# ---- malformed answers lines: reported with file:line, before anything is played ------
bad_line() { # LINE MESSAGE: an answers file whose 2nd line is LINE fails with MESSAGE
  printf '00:01 like c1\n%s\n' "$1" >answers.txt
  rm -f fresh.db
  expect_exit 1 -- play --answers answers.txt --db fresh.db
  one_line "$WORK/err"
  first_line_is "crisisdrill: answers.txt:2: $2"
  [ ! -e fresh.db ] || fail "answers '$1': a database was created although nothing was played"
  # An existing database gains no session either.
  expect_exit 1 -- play --answers answers.txt --db existing.db
  [ "$(sessions existing.db)" = 1 ] || fail "answers '$1': a session was recorded"
}
expect_exit 0 -- play --answers empty.txt --db existing.db
[ "$(sessions existing.db)" = 1 ] || fail "the first play should record one session"
bad_line '00:10 frobnicate c1' "unknown action 'frobnicate'"
bad_line '1:75 like c1' "'1:75' is not a time"
bad_line '00:05 reply c1' "reply needs a text in double quotes or template=ID"
bad_line '00:05 reply c1 "unterminated' "unterminated quoted string"
bad_line '00:05 like c1 color=red' "unknown key 'color'"
bad_line 'banana' "expected: TIME ACTION TARGET"
bad_line '00:00.5 like c1' "times must not go backwards"

# ---- an unknown post id: the session is aborted there, earlier actions kept -----------
cat >answers.txt <<'TXT'
# the reply is fine; the like at 00:40 names a post that never existed
00:05 reply c1 "We are sorry. Please send us a private message with your order number."

00:40 like nope
TXT
rm -f unknown-post.db
expect_exit 1 -- play --answers answers.txt --db unknown-post.db
first_line_is "crisisdrill: answers.txt:4: no post 'nope' in the feed at 00:40"
expect_in "$WORK/err" "session 1 is recorded as aborted"
[ "$(sql unknown-post.db "select status from sessions")" = aborted ] || fail "unknown post: session not aborted"
[ "$(sql unknown-post.db "select error from sessions")" = "$(head -1 "$WORK/err" | sed 's/^crisisdrill: //')" ] ||
  fail "unknown post: stored error differs: $(sql unknown-post.db "select error from sessions")"
[ "$(sql unknown-post.db "select kind || ' ' || post_id || ' ' || at_ms from actions")" = "reply c1 5000" ] ||
  fail "unknown post: the reply at 00:05 should be kept (and nothing else): $(sql unknown-post.db "select * from actions")"
[ "$(sql unknown-post.db "select count(*) from scores where action_id is not null")" -gt 0 ] ||
  fail "unknown post: the reply's score rows should be kept"
[ "$(sql unknown-post.db "select count(*) from posts where post_id in ('c1', 'c2')")" = 2 ] ||
  fail "unknown post: the posts shown before 00:40 should be kept"

# ---- an alert to a role the rule set does not have ------------------------------------
printf '00:05 like c1\n00:06 alert janitor "the bins are full"\n' >answers.txt
rm -f role.db
expect_exit 1 -- play --answers answers.txt --db role.db
first_line_is "crisisdrill: answers.txt:2: unknown role 'janitor' (rule set 'default' has: manager, legal"
[ "$(sql role.db "select status from sessions")" = aborted ] || fail "unknown role: session not aborted"
[ "$(sql role.db "select count(*) from actions where kind = 'like'")" = 1 ] || fail "unknown role: the like should be kept"
[ "$(sql role.db "select count(*) from actions where kind = 'alert'")" = 0 ] || fail "unknown role: the alert was stored"

# ---- databases that cannot be used are left as they were ------------------------------
unchanged() { # FILE SUM WHAT
  [ "$(md5sum <"$1")" = "$2" ] || fail "$3: the file was modified"
}
# Random bytes.
head -c 16384 /dev/urandom >corrupt.db
sum=$(md5sum <corrupt.db)
for cmd in "play --answers empty.txt --db corrupt.db" "$CRISISDRILL sessions --db corrupt.db" \
           "$CRISISDRILL report --session 1 --db corrupt.db"; do
  # shellcheck disable=SC2086
  expect_exit 1 -- $cmd
  one_line "$WORK/err"
  first_line_is "crisisdrill: corrupt.db: not a Crisis Drill database"
  unchanged corrupt.db "$sum" "corrupt database ($cmd)"
done
[ ! -e corrupt.db-wal ] || fail "corrupt database: a WAL file was left beside it"

# Another program's SQLite database.
sqlite3 other.db "create table contacts(name text); insert into contacts values('Ada')"
sum=$(md5sum <other.db)
for cmd in "play --answers empty.txt --db other.db" "$CRISISDRILL sessions --db other.db"; do
  # shellcheck disable=SC2086
  expect_exit 1 -- $cmd
  one_line "$WORK/err"
  first_line_is "crisisdrill: other.db: this SQLite file belongs to another program"
  unchanged other.db "$sum" "another program's database ($cmd)"
done

# A database from a newer Crisis Drill.
expect_exit 0 -- play --answers empty.txt --db newer.db
sqlite3 newer.db "pragma user_version=99"
sum=$(md5sum <newer.db)
for cmd in "play --answers empty.txt --db newer.db" "$CRISISDRILL sessions --db newer.db" \
           "$CRISISDRILL report --session 1 --db newer.db"; do
  # shellcheck disable=SC2086
  expect_exit 1 -- $cmd
  one_line "$WORK/err"
  first_line_is "crisisdrill: newer.db: written by a newer Crisis Drill (schema 99"
  unchanged newer.db "$sum" "newer database ($cmd)"
done
[ "$(sqlite3 newer.db "pragma user_version; select count(*) from sessions" | tr '\n' ' ')" = "99 1 " ] ||
  fail "newer database: its content changed"

# A database that cannot be opened: a directory, a path under a missing directory.
mkdir -p a-directory
expect_exit 1 -- play --answers empty.txt --db a-directory
one_line "$WORK/err"
first_line_is "crisisdrill: a-directory: cannot open the database for writing"
[ -d a-directory ] && [ -z "$(ls -A a-directory)" ] || fail "the directory given as --db was written into"
expect_exit 1 -- "$CRISISDRILL" sessions --db a-directory
one_line "$WORK/err"
first_line_is "crisisdrill: a-directory: "
expect_exit 1 -- play --answers empty.txt --db no-such-dir/x.db
one_line "$WORK/err"
first_line_is "crisisdrill: no-such-dir/x.db: cannot open the database for writing"
[ ! -e no-such-dir ] || fail "--db under a missing directory created it"
expect_exit 1 -- "$CRISISDRILL" sessions --db no-such.db
one_line "$WORK/err"
first_line_is "crisisdrill: no-such.db: no such database"
[ ! -e no-such.db ] || fail "sessions created a database"

# ---- missing files, missing session -------------------------------------------------------
expect_exit 1 -- "$CRISISDRILL" play missing.lua --headless --answers empty.txt --db missing.db
one_line "$WORK/err"
first_line_is "crisisdrill: missing.lua: no such scenario"
expect_exit 1 -- play --answers missing.txt --db missing.db
one_line "$WORK/err"
first_line_is "crisisdrill: missing.txt: No such file or directory"
[ ! -e missing.db ] || fail "a missing file still created a database"
expect_exit 1 -- "$CRISISDRILL" report --session 99 --db existing.db
one_line "$WORK/err"
first_line_is "crisisdrill: existing.db: no session 99"
expect_exit 1 -- "$CRISISDRILL" report --session 99 --db existing.db --format json
one_line "$WORK/err"
[ ! -s "$WORK/out" ] || fail "report of a missing session printed something on stdout"

# ---- usage errors: exit 2, the message and a hint --------------------------------------------
usage() { # MESSAGE -- command...
  local msg=$1; shift 2
  expect_exit 2 -- "$@"
  first_line_is "crisisdrill: $msg"
  expect_in "$WORK/err" "crisisdrill help"
}
usage "unknown option --bogus" -- play --answers empty.txt --db existing.db --bogus
usage "play --headless needs --answers FILE" -- play --db existing.db
usage "--answers needs a value" -- play --answers
usage "--format xml: expected one of text, csv, json" -- "$CRISISDRILL" report --session 1 --db existing.db --format xml
usage "--format yaml: expected text or json" -- "$CRISISDRILL" sessions --db existing.db --format yaml
usage "report needs one scope: --session ID|last, --trainee NAME, --scenario ID or --team [NAME,NAME...]" -- \
  "$CRISISDRILL" report --db existing.db
usage "report needs one scope: --session ID|last, --trainee NAME, --scenario ID or --team [NAME,NAME...] (not several)" -- \
  "$CRISISDRILL" report --session 1 --trainee ann --db existing.db
usage "--session abc: expected a session id or last" -- "$CRISISDRILL" report --session abc --db existing.db
usage "--since yesterday: expected a date YYYY-MM-DD" -- "$CRISISDRILL" report --team --since yesterday --db existing.db
usage "--ready-at lots: expected a percentage of the maximum from 0 to 1000, such as 70 or 70%" -- "$CRISISDRILL" report --team --ready-at lots --db existing.db
usage "--ready-at 70%%: expected a percentage" -- "$CRISISDRILL" report --team --ready-at 70%% --db existing.db
usage "--ready-at -5: expected a percentage" -- "$CRISISDRILL" report --team --ready-at -5 --db existing.db
usage "--ready-at 40pt: expected a percentage" -- "$CRISISDRILL" report --team --ready-at 40pt --db existing.db
usage "--summary goes with --format csv" -- "$CRISISDRILL" report --team --summary --db existing.db
usage "transcript needs --session ID" -- "$CRISISDRILL" transcript --db existing.db
usage "--lang de: expected fr or en" -- play --answers empty.txt --lang de --db existing.db
usage "--seed -3: expected a positive whole number" -- play --answers empty.txt --seed -3 --db existing.db
usage "play needs one SCENARIO" -- "$CRISISDRILL" play --headless --answers empty.txt
usage "unknown command 'frobnicate'" -- "$CRISISDRILL" frobnicate
# None of these touched the database.
[ "$(sessions existing.db)" = 1 ] || fail "usage errors recorded sessions"
