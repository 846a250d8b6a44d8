# Cohorts (crisisdrill team …, report --team NAME) and the names a manager
# types: matched without case or accents, a suggestion for a typo, sorted
# with their base letter (docs/reports.md, "Teams" and "Names").
db="$WORK/teams.db"
play_at 1700000000 "Kate O'Brien" complaint-snowball poor
play_at 1700000100 chloé complaint-snowball good
play_at 1700000200 alice complaint-snowball good
play_at 1700000300 bob complaint-snowball poor
team() { "$CRISISDRILL" team "$@" --db "$db"; }

# ---- create, list, add ----
expect_exit 0 -- team list
expect_in "$WORK/out" "No teams in"
expect_exit 0 -- team create Support
expect_in "$WORK/out" "Created team 'Support' in $db"
expect_exit 1 -- team create SUPPORT
expect_in "$WORK/err" "a team 'Support' exists already"
expect_exit 2 -- team create
expect_in "$WORK/err" "team create needs one NAME"
expect_exit 2 -- team add Support
expect_in "$WORK/err" "team add needs a team NAME and one or more TRAINEE names"
expect_exit 2 -- team rename Support
expect_exit 0 -- team add support chloe ALICE
expect_in "$WORK/out" "Added 'chloé' to team 'Support'"
expect_in "$WORK/out" "Added 'alice' to team 'Support'"
expect_exit 0 -- team add Support alice newbie
expect_in "$WORK/out" "'alice' is already in team 'Support'"
expect_in "$WORK/out" "Added 'newbie' to team 'Support' (no sessions yet)"
expect_exit 1 -- team add Support chole
expect_in "$WORK/err" "no trainee 'chole'; did you mean 'chloé'?"
expect_exit 1 -- team add suport bob
expect_in "$WORK/err" "no team 'suport'; did you mean 'Support'?"
expect_exit 0 -- team list
[ "$(cat "$WORK/out")" = "Support (3 trainees): alice, chloé, newbie" ] || fail "team list: $(cat "$WORK/out")"
expect_value "$db" "select group_concat(trainee, ',') from (select trainee from team_members order by trainee)" \
  "alice,chloé,newbie"

# ---- reports by team: only its members with sessions, every format ----
expect_exit 0 -- "$CRISISDRILL" report --team support --db "$db"
expect_in "$WORK/out" "Team · 2 trainees"
expect_not_in "$WORK/out" "bob"
expect_not_in "$WORK/out" "Kate"
expect_exit 0 -- "$CRISISDRILL" report --team Support --format json --db "$db"
[ "$(sqlite3 :memory: "select group_concat(value ->> 'name', ',') from json_each(readfile('$WORK/out') -> 'trainees')")" \
  = "alice,chloé" ] || fail "JSON trainees of team Support"
expect_exit 0 -- "$CRISISDRILL" report --team Support --format csv --summary --db "$db"
[ "$(grep -c 'complaint-snowball' "$WORK/out")" = 2 ] || fail "the CSV of team Support should hold 2 sessions"
expect_not_in "$WORK/out" "bob"
expect_exit 0 -- "$CRISISDRILL" report --team support --format xapi --db "$db"
expect_in "$WORK/out" '"name":"chloé"'
expect_not_in "$WORK/out" '"name":"bob"'
expect_exit 0 -- "$CRISISDRILL" report --team support --format html --db "$db"
expect_in "$WORK/out" "chloé"
expect_not_in "$WORK/out" "Kate"
# The list of names still works, folded too; one name that is no team is a trainee.
expect_exit 0 -- "$CRISISDRILL" report --team ALICE,Bob --db "$db"
expect_in "$WORK/out" "Team · 2 trainees"
expect_exit 0 -- "$CRISISDRILL" report --team chloe --db "$db"
expect_in "$WORK/out" "Team · 1 trainee"
expect_exit 1 -- "$CRISISDRILL" report --team alice,chole --db "$db"
expect_in "$WORK/err" "no sessions of trainee 'chole'; did you mean 'chloé'?"

# ---- names: without case or accents, a suggestion, the reader's order ----
expect_exit 0 -- "$CRISISDRILL" report --trainee chloe --db "$db"
expect_in "$WORK/out" "Trainee chloé"
expect_exit 0 -- "$CRISISDRILL" report --trainee KATE\ o\'brien --format csv --db "$db"
expect_in "$WORK/out" "Kate O'Brien"
expect_exit 1 -- "$CRISISDRILL" report --trainee chole --db "$db"
expect_in "$WORK/err" "no sessions of trainee 'chole'; did you mean 'chloé'? (see: crisisdrill sessions)"
expect_exit 1 -- "$CRISISDRILL" report --trainee zzz --db "$db"
expect_not_in "$WORK/err" "did you mean"
expect_exit 0 -- "$CRISISDRILL" report --team --format json --db "$db"
[ "$(sqlite3 :memory: "select group_concat(value ->> 'name', ',') from json_each(readfile('$WORK/out') -> 'trainees')")" \
  = "alice,bob,chloé,Kate O'Brien" ] || fail "trainees not in the reader's order: $(cat "$WORK/out" | head -3)"
expect_exit 0 -- "$CRISISDRILL" report --team --db "$db"
order=$(grep -oE "^  (alice|bob|chloé|Kate O'Brien) " "$WORK/out" | head -4 | tr -s ' ' | tr '\n' '|')
[ "$order" = " alice | bob | chloé | Kate O'Brien |" ] || fail "text report order: $order"

# ---- remove, delete ----
expect_exit 0 -- team remove Support CHLOÉ
expect_in "$WORK/out" "Removed 'chloé' from team 'Support'"
expect_exit 1 -- team remove Support bob
expect_in "$WORK/err" "'bob' is not in team 'Support'"
expect_exit 0 -- "$CRISISDRILL" report --team Support --db "$db"
expect_in "$WORK/out" "Team · 1 trainee"
expect_exit 0 -- team remove Support alice
expect_exit 1 -- "$CRISISDRILL" report --team Support --db "$db"
expect_in "$WORK/err" "team 'Support' has no trainee with sessions yet"
expect_exit 0 -- team delete support
expect_in "$WORK/out" "Deleted team 'Support'"
expect_value "$db" "select count(*) from team_members" 0
expect_exit 1 -- team delete Support
expect_in "$WORK/err" "no team 'Support'"
expect_exit 0 -- "$CRISISDRILL" sessions --db "$db"
expect_in "$WORK/out" "chloé"
# The columns line up whatever the letters of the names: "chloé" as "alice".
offsets=$(LC_ALL=C.UTF-8 bash -c 'while IFS= read -r line; do p=${line%%complaint-snowball*}; echo ${#p}; done' \
  < <(grep complaint-snowball "$WORK/out") | sort -u | wc -l)
[ "$offsets" = 1 ] || fail "sessions: the scenario column moves with the trainee's name: $(cat "$WORK/out")"

# ---- sessions never prints a control character of a name ----
cp "$db" "$WORK/odd.db"
sqlite3 "$WORK/odd.db" "update sessions set trainee = 'bad' || char(10) || 'name' || char(27) where trainee = 'bob'"
expect_exit 0 -- "$CRISISDRILL" sessions --db "$WORK/odd.db"
expect_in "$WORK/out" 'bad\nname'
grep -q "^name" "$WORK/out" && fail "sessions printed a raw newline of a trainee name"
grep -q $'\x1b' "$WORK/out" && fail "sessions printed a raw escape of a trainee name"
finish
