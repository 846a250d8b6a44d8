# The examples of docs/reports.md run: every command of its ```sh report-example
# blocks, on a small database (alice twice on complaint-snowball, bob once on
# data-leak-rumour), succeeds and writes what it says.
db="$WORK/doc.db"
play_at 1700000000 alice complaint-snowball poor
play_at 1700086400 alice complaint-snowball good
play_at 1700086400 bob data-leak-rumour good

awk '$0 == "```sh report-example" { on = 1; next } /^```/ { on = 0 } on' "$SOURCE_DIR/docs/reports.md" >"$WORK/examples"
[ "$(wc -l <"$WORK/examples")" -ge 6 ] || fail "docs/reports.md has too few report examples"
cd "$WORK"
while read -r program args; do
  [ "$program" = crisisdrill ] || { fail "an example does not start with crisisdrill: $program $args"; continue; }
  # shellcheck disable=SC2086 # the example's words, as a shell would split them
  expect_exit 0 -- "$CRISISDRILL" $args --db "$db"
done <"$WORK/examples"
for file in session-1.json alice.csv week.csv team.html week.json support.json trend.html; do
  [ -s "$WORK/$file" ] || fail "the example did not write $file"
done
[ "$(sqlite3 :memory: "select json_valid(readfile('session-1.json'))")" = 1 ] || fail "session-1.json is not valid"
# The team made by the examples: alice and bob, typed as Alice BOB.
[ "$(sqlite3 :memory: "select group_concat(value ->> 'name', ',') from json_each(readfile('support.json') -> 'trainees')")" \
  = "alice,bob" ] || fail "support.json should hold the team support: alice and bob"
# --since 2023-11-15 keeps alice's second session only.
[ "$(cut -d, -f1 alice.csv | sort -u | grep -c '^[0-9]')" = 1 ] || fail "alice.csv should hold one session"
