# Hostile inputs at the door (docs/reliability.md): files that are not files, a byte order mark,
# answers timed after their action, trainee names made for a terminal, and command lines with a
# stray word. Each is refused at once with one line (file:line where there is one) or accepted
# as the person meant it.
cd "$WORK"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
# Every command here is bounded: a FIFO used to block the program for ever.
cd_run() { timeout 20 "$CRISISDRILL" "$@"; }

# ---- not a regular file: a FIFO, a device, a folder ---------------------------------------------
mkfifo fifo.txt fifo.rules
cp -r "$SOURCE_DIR/scenarios/complaint-snowball" scen && rm scen/scenario.lua && mkfifo scen/scenario.lua
for args in "play complaint-snowball --headless --answers fifo.txt --db f.db" \
            "play complaint-snowball --headless --answers $answers --rules ./fifo.rules --db f.db" \
            "rules import fifo.rules --db f.db" \
            "check fifo.rules" \
            "play complaint-snowball --headless --answers $WORK --db f.db" \
            "play complaint-snowball --headless --answers /dev/null --db f.db" \
            "rules import /dev/zero --db f.db"; do
  # shellcheck disable=SC2086
  expect_exit 1 -- cd_run $args
  grep -q "not a regular file\|no such scenario, folder or rule file" "$WORK/err" "$WORK/out" ||
    fail "$args: $(cat "$WORK/err" "$WORK/out")"
done
expect_in "$WORK/err" "/dev/zero: not a regular file (a device)"
# A scenario folder whose scenario.lua is a FIFO is no scenario; it does not hang either.
expect_exit 1 -- cd_run play scen --headless --answers "$answers" --db f.db
[ ! -e f.db ] || [ "$(sql f.db "select count(*) from sessions")" = 0 ] || fail "a session was recorded from a FIFO"
# The window's answers hook reads through the same door.
SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1 CRISISDRILL_UI_ANSWERS=fifo.txt expect_exit 1 -- cd_run play complaint-snowball --db w.db --speed 100
expect_in "$WORK/err" "fifo.txt: not a regular file (a FIFO)"

# ---- a database that is not a file: SQLite made DEVICE-journal beside /dev/null ------------------
journal_before=$(ls /dev/null-journal /dev/zero-journal 2>/dev/null || true)
for db in /dev/null /dev/zero "$WORK" fifo.txt; do
  expect_exit 1 -- cd_run play complaint-snowball --headless --answers "$answers" --db "$db"
  [ "$(wc -l <"$WORK/err")" = 1 ] || fail "--db $db: expected one line: $(cat "$WORK/err")"
  expect_in "$WORK/err" "$db: cannot open the database for writing: a "
  expect_in "$WORK/err" ", not a file (give a database file, or a new path)"
  expect_exit 1 -- cd_run rules import "$SOURCE_DIR/scenarios/rules/default.rules" --db "$db"
  expect_exit 1 -- cd_run sessions --db "$db"
done
[ "$(ls /dev/null-journal /dev/zero-journal 2>/dev/null || true)" = "$journal_before" ] ||
  fail "a journal was made beside a device: $(ls /dev/*-journal)"
ls "$WORK"/*-journal "$WORK"/fifo.txt-* >/dev/null 2>&1 && fail "a journal was made in the work folder"

# ---- a UTF-8 byte order mark at the start of a file is skipped ------------------------------------
printf '\xef\xbb\xbf' >bom.rules && cat "$SOURCE_DIR/scenarios/rules/default.rules" >>bom.rules
expect_exit 0 -- cd_run rules import bom.rules --db bom.db
expect_in "$WORK/out" "Imported rule set 'default'"
printf '\xef\xbb\xbf' >bom.txt && cat "$answers" >>bom.txt
expect_exit 0 -- cd_run play complaint-snowball --headless --answers bom.txt --db bom.db
expect_exit 0 -- cd_run play complaint-snowball --headless --answers "$answers" --db bom.db
[ "$(sql bom.db "select group_concat(total) from sessions")" = "$(sql bom.db "select total from sessions where id = 2"),$(sql bom.db "select total from sessions where id = 2")" ] ||
  fail "a BOM changed the play: $(sql bom.db "select group_concat(total) from sessions")"
# Only at the start: one further on is a word like any other, with its line.
printf '00:05 open c1\n\xef\xbb\xbf00:06 open c1\n' >bom2.txt
expect_exit 1 -- cd_run play complaint-snowball --headless --answers bom2.txt --db bom.db
expect_in "$WORK/err" "bom2.txt:2:"

# ---- opened= and typed= after the action ---------------------------------------------------------
first=$(grep -m1 -E '^[0-9:.]+ +reply ' "$answers")
at=${first%% *}
for key in opened typed; do
  awk -v line="$first" -v key="$key" '$0 == line { sub(/ *$/, ""); print $0 " " key "=1:39:00"; next } { print }' \
    "$answers" >late.txt
  n=$(grep -n -F -- "$key=1:39:00" late.txt | cut -d: -f1)
  expect_exit 1 -- cd_run play complaint-snowball --headless --answers late.txt --db late.db
  expect_in "$WORK/err" "late.txt:$n: $key=1:39:00 is after the action's time $at"
done
[ ! -e late.db ] || fail "a refused answers file made a database"

# ---- trainee names: checked at entry, escaped on output -------------------------------------------
esc=$'\e'
for name in "${esc}[2J${esc}[31mroot" $'alice\nbob  completed' $'ali\u202eecila' $'zero\u200bwidth' "alice,bob" \
            "$(printf 'x%.0s' {1..101})" $'caf\xe9' ""; do
  expect_exit 2 -- cd_run play complaint-snowball --headless --answers "$answers" --trainee "$name" --db names.db
  expect_in "$WORK/err" "crisisdrill: --trainee \""
  grep -q "$esc" "$WORK/err" && fail "the refusal of a name printed an escape character"
  SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1 expect_exit 2 -- cd_run play complaint-snowball --trainee "$name" --db names.db
done
[ ! -e names.db ] || [ "$(sql names.db "select count(*) from sessions")" = 0 ] || fail "a refused name was stored"
# $USER names the window's trainee when --trainee is not given: used only when it makes a valid name.
USER="${esc}]0;owned${esc}\\" SDL_VIDEODRIVER=dummy CRISISDRILL_UI_AUTOQUIT=1 expect_exit 0 -- \
  cd_run play complaint-snowball --db user.db --speed 600
expect_value user.db "select trainee from sessions" trainee
for name in "Zoë Dupont" "שלום" "O'Brien <b>&</b>" "$(printf 'é%.0s' {1..100})"; do
  expect_exit 0 -- cd_run play complaint-snowball --headless --answers "$answers" --trainee "$name" --db names.db
done
[ "$(sql names.db "select count(*) from sessions")" = 4 ] || fail "valid names were refused"
# Names already stored (an older program, the sqlite3 tool) are shown, not acted on.
sqlite3 names.db "update sessions set trainee = char(27) || '[2J' || char(10) || '    9  forged' || char(8238) || 'x' where id = 1;
                  update sessions set scenario_id = 'evil' || char(27) || ']0;title' || char(7) where id = 2"
expect_exit 0 -- cd_run sessions --db names.db
grep -q "$esc" "$WORK/out" && fail "sessions printed an escape character"
grep -qP '\x07|\xe2\x80\xae' "$WORK/out" && fail "sessions printed a bell or a direction override"
[ "$(wc -l <"$WORK/out")" = 5 ] || fail "sessions: a name broke the lines: $(cat "$WORK/out")"
expect_in "$WORK/out" '\x1b[2J\n    9  forged\u202ex'
expect_in "$WORK/out" 'evil\x1b]0;title\x07'
expect_exit 0 -- cd_run sessions --format json --db names.db
grep -q "$esc" "$WORK/out" && fail "sessions --format json printed an escape character"
expect_in "$WORK/out" '"trainee": "\u001b[2J\n    9  forged'

# The transcript shows what scenarios and trainees wrote, one item a line, nothing for the terminal.
reply_line=$(grep -m1 -E '^[0-9:.]+ +reply ' "$answers")
# ESC sequences (clear screen, set title, ST), a newline escape, U+202E, in the reply's text.
printf '%s "Sorry\033[2J\033]0;pwned\033\\\\ \\n    9  forged line\342\200\256!"\n' "${reply_line%% template=*}" \
  >hostile-reply.txt
expect_exit 0 -- cd_run play complaint-snowball --headless --answers hostile-reply.txt --trainee tr --db tr.db --transcript
expect_exit 0 -- cd_run transcript --session 1 --db tr.db
grep -q "$esc" "$WORK/out" && fail "transcript printed an escape character"
expect_in "$WORK/out" '"Sorry\x1b[2J\x1b]0;pwned\x1b\ \n    9  forged line\u202e!"'
grep -q '^    9  forged line' "$WORK/out" && fail "a reply's newline started a line of the transcript"

# ---- command lines: a bad value or a stray word is a usage error (exit 2) -----------------------
sdb="$WORK/names.db"
while IFS='|' read -r want args; do
  # shellcheck disable=SC2086
  expect_exit 2 -- cd_run $args
  expect_in "$WORK/err" "$want"
done <<EOF
--speed nan: expected a number from 0.1 to 1000|play complaint-snowball --headless --answers $answers --speed nan --db $sdb
--speed inf: expected a number|play complaint-snowball --headless --answers $answers --speed inf --db $sdb
--speed 1x: expected a number|play complaint-snowball --headless --answers $answers --speed 1x --db $sdb
--speed 0: expected a number|play complaint-snowball --headless --answers $answers --speed 0 --db $sdb
--speed nan: expected a number|replay 1 --headless --speed nan --db $sdb
--speed -nan: expected a number|replay 1 --speed -nan --db $sdb
version takes no argument 'extra'|version extra
api takes no argument '--bogus'|api --bogus
api takes no argument 'x'|api x
sessions takes no argument 'extra'|sessions extra --db $sdb
transcript takes no argument '1'|transcript 1 --session 1 --db $sdb
report takes no argument 'alice'|report alice --session 1 --db $sdb
EOF
expect_exit 0 -- cd_run version
expect_exit 0 -- cd_run api
expect_exit 0 -- cd_run replay 1 --headless --speed 2 --db "$sdb"
