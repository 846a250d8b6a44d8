# Hostile text through every report format: markup, quotes, formulas,
# + - @ prefixes, control characters, a 5,000-character line, right-to-left
# text, emoji and ZWJ sequences (tests/scenarios/hostile/) arrive intact and
# inert: JSON valid with the same strings, CSV parsed back equal to the
# source rows (with the formula guard), text without a control byte.
H="$SOURCE_DIR/tests/scenarios/hostile"
db="$WORK/hostile.db"
trainee=$'=cmd|\' /C calc\'!A0 <script>"Zoë"</script>, \u202eRTL 👩‍💻\x01'
# Such a name is refused at entry now (tests/cli/inputs.sh); a database written by an older program,
# or by the sqlite3 tool, may still hold one.
expect_exit 0 -- "$CRISISDRILL" play "$H/scenario.lua" --headless --answers "$H/answers.txt" --trainee hostile \
  --db "$db"
expect_in "$WORK/out" "Session 1 completed"
sqlite3 "$db" "update sessions set trainee = cast(x'$(printf '%s' "$trainee" | od -An -tx1 | tr -d ' \n')' as text)"
[ "$(sql "$db" "select trainee from sessions")" = "$trainee" ] || fail "the trainee's name was altered when stored"
[ "$(sql "$db" "select max(length(text)) from actions")" = 5000 ] || fail "no 5,000-character line in the fixture"

for format in text csv json; do
  expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$db" --format "$format" -o "$WORK/session.$format"
  expect_exit 0 -- "$CRISISDRILL" report --team --db "$db" --format "$format" -o "$WORK/team.$format"
done
expect_exit 0 -- "$CRISISDRILL" report --trainee "$trainee" --db "$db" --format csv --summary -o "$WORK/summary.csv"

# ---- JSON: valid, and every stored string comes back the same ----------------
for file in session team; do
  [ "$(sqlite3 :memory: "select json_valid(readfile('$WORK/$file.json'))")" = 1 ] || fail "$file.json is not valid JSON"
done
# jq_equal JSON_PATH SQL: the JSON value equals the database's.
jq_equal() {
  local got want
  got=$(sqlite3 :memory: "select hex(json_extract(readfile('$WORK/session.json'), '$1'))")
  want=$(sql "$db" "select hex(($2))")
  [ "$got" = "$want" ] || fail "JSON $1 differs from the database"
}
jq_equal '$.sessions[0].trainee' "select trainee from sessions"
jq_equal '$.sessions[0].title' "select scenario_title from sessions"
for i in 0 1 2 3 4; do
  jq_equal "\$.actions[$i].text" "select text from actions order by at_ms, id limit 1 offset $i"
done
jq_equal '$.posts[0].text' "select text from posts where post_id = 'c1'"
jq_equal '$.posts[0].author_name' "select name from personas where handle = '@mallory'"
jq_equal '$.posts[1].author_name' "select name from personas where handle = '@eve'"

# ---- CSV: parsed back by sqlite3, equal to the rows it comes from -------------
# guard(X): what the CSV promises for a text cell (a leading apostrophe
# before = + - @ tab CR).
guard="case when substr(X, 1, 1) in ('=', '+', '-', '@', char(9), char(13)) then '''' || X else X end"
g() { echo "${guard//X/$1}"; }
sqlite3 "$WORK/back.db" ".import --csv $WORK/session.csv rows" ".import --csv $WORK/summary.csv summary" ||
  fail "sqlite3 cannot import the CSV"
want=$(sql "$db" "select s.id, $(g s.trainee), $(g v.reason), v.points from v_scores v join sessions s on s.id = v.session_id
                  order by v.at_ms, v.score_id" | md5sum)
got=$(sqlite3 "$WORK/back.db" "select session, trainee, reason, points from rows" | md5sum)
[ "$got" = "$want" ] || fail "the CSV rows parsed back differ from the score rows"
[ "$(sqlite3 "$WORK/back.db" "select count(*) from rows")" = "$(sql "$db" "select count(*) from scores")" ] ||
  fail "CSV row count"
[ "$(sqlite3 "$WORK/back.db" "select hex(title) from summary")" = "$(sql "$db" "select hex($(g scenario_title)) from sessions")" ] ||
  fail "the summary's title differs"
# Negative points stay numbers, not guarded text.
[ "$(sqlite3 "$WORK/back.db" "select count(*) from rows where points like '''%'")" = 0 ] || fail "a number was guarded"
[ "$(sqlite3 "$WORK/back.db" "select count(*) from rows where cast(points as integer) < 0")" -gt 0 ] ||
  fail "no negative points in the fixture"
# The formula-looking trainee cell is guarded.
grep -qF ",\"'=cmd|" "$WORK/session.csv" || fail "the trainee's formula is not guarded in the CSV"

# ---- text: inert in a terminal, the words all there -------------------------------
for file in session team; do
  if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$WORK/$file.text"; then
    fail "$file.text holds a control byte"
  fi
  LC_ALL=C grep -q $'\xe2\x80\xae' "$WORK/$file.text" && fail "$file.text holds a right-to-left override"
done
expect_in "$WORK/session.text" '<script>"Zoë"</script>, \u202eRTL 👩‍💻\x01'
expect_in "$WORK/session.text" '\x01ctl\x02 raw'
expect_in "$WORK/session.text" "$(printf '=-+@ 5000 %.0s' $(seq 500) | sed 's/ $//')"
expect_in "$WORK/session.text" '"=1+1 <script>alert("x")</script> \ back\tslash\nnew line \u202eRTL\u202c 🧑‍🚀 , comma"'

# The same reports as golden files (regenerated with UPDATE_GOLDEN=1).
for f in session.text session.csv session.json; do
  if [ -n "${UPDATE_GOLDEN:-}" ]; then
    cp "$WORK/$f" "$SOURCE_DIR/tests/golden/hostile-$f"
  else
    cmp -s "$WORK/$f" "$SOURCE_DIR/tests/golden/hostile-$f" || fail "hostile $f differs from tests/golden/hostile-$f"
  fi
done
