# crisisdrill report --format html and --format xapi on real sessions:
# every scope renders in headless chromium without a console message and
# with nothing active in its DOM, every score row of a session is in its
# page, hostile text typed by a trainee shows as text; the xAPI statements
# follow the xAPI rules, one per finished session, with stable ids.
# The docs' screenshots come from here:
#   UPDATE_SCREENSHOTS=1 ctest --test-dir build-ci -R cli.report_html
# and its golden files (tests/report/golden/cli-*) with UPDATE_GOLDEN=1.
# shellcheck source=tests/report/browser_lib.sh
source "$SOURCE_DIR/tests/report/browser_lib.sh"
artefacts=${ARTEFACTS_DIR:-$WORK}
mkdir -p "$artefacts"
db="$WORK/team.db"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers"
play() { expect_exit 0 -- "$CRISISDRILL" play "$1" --headless --answers "$2" --db "$db" --trainee "$3"; }
play complaint-snowball "$answers/poor.txt" alice
play complaint-snowball "$answers/silent.txt" alice
play complaint-snowball "$answers/good.txt" alice
play data-leak-rumour "$SOURCE_DIR/scenarios/data-leak-rumour/answers/good.txt" alice
play complaint-snowball "$answers/good.txt" bob
play data-leak-rumour "$SOURCE_DIR/scenarios/data-leak-rumour/answers/poor.txt" bob

# A hostile trainee: name and reply made to break a page.
evil='<script>alert(1)</script> "Zoë" & <img src=x onerror=alert(2)> שלום 👩‍👩‍👧'
cat >"$WORK/s.lua" <<'LUA'
scenario{ id = "report-html-test", title = "Title </title><script>alert(3)</script>", duration = 300, brand = { handle = "@brand" } }
persona{ handle = "@ann", name = "Ann <b>", followers = 10 }
function main()
  post{ id = "c1", author = "@ann", situation = "complaint", text = "<a href=\"javascript:alert(4)\">Broken</a> again." }
  wait(60)
end
LUA
printf '%s\n' '00:20 reply c1 "Sorry <b>Ann</b> </td></tr></table><script>alert(5)</script> =1+1 🔥"' >"$WORK/a.txt"
evil_db="$WORK/evil.db"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/s.lua" --headless --answers "$WORK/a.txt" --db "$evil_db" --trainee "$evil"
expect_exit 0 -- "$CRISISDRILL" report --session 1 --format html --db "$evil_db" -o "$WORK/evil.html"

for scope in "--session 1" "--session 6" "--trainee alice" "--scenario complaint-snowball" "--team" "--team alice,bob"; do
  name=$(echo "$scope" | tr -c 'a-z0-9\n' '-' | sed 's/^-*//')
  # shellcheck disable=SC2086
  expect_exit 0 -- "$CRISISDRILL" report $scope --format html --db "$db" -o "$WORK/$name.html"
  page_ok "$WORK/$name.html" || fail "$scope: the page does not pass"
done

# Golden files: the same sessions give the same bytes (UPDATE_GOLDEN=1
# rewrites tests/report/golden/cli-*; review the diff).
expect_exit 0 -- "$CRISISDRILL" report --team --format xapi --db "$db" -o "$WORK/team.xapi.json"
for name in session-1.html trainee-alice.html team.html team.xapi.json; do
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    cp "$WORK/$name" "$SOURCE_DIR/tests/report/golden/cli-$name"
  elif ! cmp -s "$WORK/$name" "$SOURCE_DIR/tests/report/golden/cli-$name"; then
    fail "$name differs from tests/report/golden/cli-$name:"
    diff "$SOURCE_DIR/tests/report/golden/cli-$name" "$WORK/$name" | head -10 >&2
  fi
done

# Every score row of session 1 is a line of its page, and its total is theirs.
rows=$(sql "$db" "select count(*) from scores where session_id = 1")
[ "$(grep -o '<tr id="score-[0-9]*"' "$WORK/session-1.html" | wc -l)" = "$rows" ] || fail "session 1: not every score row is in the page"
total=$(sql "$db" "select sum(points) from scores where session_id = 1")
max=$(sql "$db" "select max_points from sessions where id = 1")
pct=$(sql "$db" "select printf('%.1f', round($total * 100.0 / $max, 1))")
expect_in "$WORK/session-1.html" "$(printf '%+d' "$total") points</a> of $max (<strong>$pct %</strong> of the maximum) from $rows score rows"

# The hostile session: its texts shown as text, intact.
printf '%s\0' "$evil" 'Sorry <b>Ann</b> </td></tr></table><script>alert(5)</script> =1+1 🔥' \
  'Title </title><script>alert(3)</script>' >"$WORK/texts"
page_ok "$WORK/evil.html" "$WORK/texts" || fail "the hostile session: its texts"

for name in session-1 trainee-alice team; do
  screenshot "$WORK/$name.html" "$artefacts/report-$name.png" || fail "$name: no screenshot"
  if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then cp "$artefacts/report-$name.png" "$SOURCE_DIR/docs/screenshots/"; fi
done

# Printing the team report to PDF.
browse "$WORK/pdf.log" --no-pdf-header-footer --print-to-pdf="$artefacts/report-team.pdf" "file://$WORK/team.html" >/dev/null ||
  fail "printing failed"
pdfinfo "$artefacts/report-team.pdf" >"$WORK/pdfinfo"
expect_in "$WORK/pdfinfo" "(A4)"
pdftotext "$artefacts/report-team.pdf" "$WORK/team.txt"
expect_in "$WORK/team.txt" "Readiness"
# Nothing past the right margin (A4 595 pt wide, 12 mm = 34 pt margins): the
# sessions table fits, its right border included.
right=$(pdftotext -bbox "$artefacts/report-team.pdf" - | grep -o 'xMax="[0-9.]*"' | cut -d'"' -f2 | sort -n | tail -1)
awk -v x="$right" 'BEGIN { exit !(x <= 563) }' || fail "the team PDF prints past its right margin (x = $right pt)"
# A scenario id breaks at its hyphen or not at all, never inside a word ("complain t-snowball").
for id in complaint-snowball data-leak-rumour; do
  for ((k = 1; k < ${#id} - 2; k++)); do
    [ "${id:k-1:1}" = - ] && continue
    ! grep -qx -- "${id:k}" "$WORK/team.txt" || fail "the team PDF breaks $id inside a word: ${id:0:k} / ${id:k}"
  done
done
# A session's first page is not a third blank: the timeline follows its summary.
browse "$WORK/pdf.log" --no-pdf-header-footer --print-to-pdf="$artefacts/report-session-1.pdf" "file://$WORK/session-1.html" \
  >/dev/null || fail "printing session 1 failed"
pdftotext -f 1 -l 1 "$artefacts/report-session-1.pdf" "$WORK/session-page1.txt"
expect_in "$WORK/session-page1.txt" "The crisis timeline"

# xAPI: one statement per session of the team (all attempts), valid, stable.
check_xapi() {
  sqlite3 :memory: -cmd "create table input(doc)" -cmd "insert into input values(readfile('$1'))" <"$SOURCE_DIR/tests/report/xapi_check.sql"
}
expect_exit 0 -- "$CRISISDRILL" report --team --format xapi --db "$db" -o "$WORK/team.json"
[ -z "$(check_xapi "$WORK/team.json")" ] || fail "xAPI: $(check_xapi "$WORK/team.json")"
[ "$(sqlite3 :memory: "select json_array_length(readfile('$WORK/team.json'))")" = 6 ] || fail "xAPI: not 6 statements"
expect_exit 0 -- "$CRISISDRILL" report --team --format xapi --db "$db" -o "$WORK/again.json"
cmp -s "$WORK/team.json" "$WORK/again.json" || fail "xAPI: a second export differs"
expect_exit 0 -- "$CRISISDRILL" report --session 1 --format xapi --homepage https://lms.example.org/cm --db "$evil_db" -o "$WORK/evil.json"
q() { sqlite3 :memory: "select json_extract(readfile('$WORK/evil.json'), '$1')"; }
[ "$(q '$[0].actor.account.name')" = "$evil" ] || fail "xAPI: the trainee's name is not intact: $(q '$[0].actor.account.name')"
[ "$(q '$[0].actor.account.homePage')" = "https://lms.example.org/cm/" ] || fail "xAPI: homePage $(q '$[0].actor.account.homePage')"
[ "$(q '$[0].object.definition.name.en')" = 'Title </title><script>alert(3)</script>' ] || fail "xAPI: title not intact"
evil_total=$(sql "$evil_db" "select sum(points) from scores where session_id = 1")
[ "$(q '$[0].result.score.raw')" = "$evil_total" ] || fail "xAPI: raw score $(q '$[0].result.score.raw'), rows sum to $evil_total"
expect_exit 2 -- "$CRISISDRILL" report --team --format xapi --homepage "ftp://x" --db "$db"
expect_exit 2 -- "$CRISISDRILL" report --team --format html --homepage "https://x.org/" --db "$db"

# The shared hostile fixture (tests/scenarios/hostile: markup, formulas,
# control characters, a 5,000-character line, right-to-left text, emoji):
# every reply, post text and name shows as text in the page, and comes back
# byte for byte from the xAPI statement.
H="$SOURCE_DIR/tests/scenarios/hostile"
hdb="$WORK/hostile.db"
htrainee=$'=cmd|\' /C calc\'!A0 <script>"Zoë"</script>, \u202eRTL 👩‍💻\x01'
# Such a name is refused at entry now (tests/cli/inputs.sh); a database written by an older program,
# or by the sqlite3 tool, may still hold one.
expect_exit 0 -- "$CRISISDRILL" play "$H/scenario.lua" --headless --answers "$H/answers.txt" --trainee hostile --db "$hdb"
sqlite3 "$hdb" "update sessions set trainee = cast(x'$(printf '%s' "$htrainee" | od -An -tx1 | tr -d ' \n')' as text)"
expect_exit 0 -- "$CRISISDRILL" report --session 1 --format html --db "$hdb" -o "$WORK/hostile.html"
python3 - "$hdb" "$WORK/hostile-texts" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
texts = [r[0] for q in ("select text from actions where text is not null", "select text from posts",
                        "select name from personas", "select trainee from sessions", "select scenario_title from sessions")
         for r in db.execute(q)]
open(sys.argv[2], "wb").write(b"".join(t.encode() + b"\0" for t in texts if t))
PY
[ "$(tr -cd '\0' <"$WORK/hostile-texts" | wc -c)" -ge 8 ] || fail "the hostile fixture gave too few texts"
page_ok "$WORK/hostile.html" "$WORK/hostile-texts" || fail "the hostile fixture's texts are not shown as text"
expect_exit 0 -- "$CRISISDRILL" report --session 1 --format xapi --db "$hdb" -o "$WORK/hostile.json"
[ -z "$(check_xapi "$WORK/hostile.json")" ] || fail "xAPI (hostile): $(check_xapi "$WORK/hostile.json")"
[ "$(sqlite3 :memory: "select hex(json_extract(readfile('$WORK/hostile.json'), '\$[0].actor.account.name'))")" = \
  "$(sql "$hdb" "select hex(trainee) from sessions")" ] || fail "xAPI (hostile): the trainee's name is not intact"
[ "$(sqlite3 :memory: "select hex(json_extract(readfile('$WORK/hostile.json'), '\$[0].object.definition.name.en'))")" = \
  "$(sql "$hdb" "select hex(scenario_title) from sessions")" ] || fail "xAPI (hostile): the title is not intact"

# A scope that names nothing: exit 1, and no file written.
expect_exit 1 -- "$CRISISDRILL" report --trainee nobody --format xapi --db "$db" -o "$WORK/nobody.json"
expect_in "$WORK/err" "no sessions of trainee 'nobody'"
[ ! -e "$WORK/nobody.json" ] || fail "xapi wrote a file for a scope that names nothing"
expect_exit 1 -- "$CRISISDRILL" report --trainee nobody --format html --db "$db" -o "$WORK/nobody.html"
[ ! -e "$WORK/nobody.html" ] || fail "html wrote a file for a scope that names nothing"
