# The documentation's examples run: the ```lua blocks of docs/scenario-api.md
# form the scenario api-tour (blocks marked "top" at the top level, "main"
# inside main()), played with the ```answers blocks of docs/answers.md (the
# trainee, then the "#>" expectations that `check` compares); and every
# function of the API has its section.
api_doc="$SOURCE_DIR/docs/scenario-api.md"
tour="$WORK/api-tour.lua"
answers="$WORK/tour.txt"

# extract FILE TAG: the contents of the fenced blocks opened by ```TAG.
extract() { awk -v tag="$2" '$0 == "```" tag { on = 1; next } /^```/ { on = 0 } on' "$1"; }

{
  extract "$api_doc" "lua top"
  echo "function main()"
  extract "$api_doc" "lua main"
  echo "end"
} >"$tour"
extract "$SOURCE_DIR/docs/answers.md" "answers" >"$answers"
[ -s "$answers" ] || fail "no answers block in docs/answers.md"
cp -r "$SOURCE_DIR/scenarios/lib" "$WORK/lib"   # the library folder beside the tour (require "press")

expect_exit 0 -- "$CRISISDRILL" play "$tour" --headless --answers "$answers" --db "$WORK/tour.db" --transcript
expect_in "$WORK/out" "Session 1 completed"
db="$WORK/tour.db"
[ "$(sql "$db" "select group_concat(name, ',') from branches")" = "answered_well,legal_informed,press_routed" ] ||
  fail "branches: $(sql "$db" "select group_concat(name, ',') from branches")"
[ "$(sql "$db" "select outcome from sessions")" = "contained" ] || fail "outcome: $(sql "$db" "select outcome from sessions")"
# The trainee of the example does it right: no broken rule, no missed deadline.
[ "$(sql "$db" "select count(*) from scores where outcome in ('broken','missed','late','unneeded') and points < 0")" = 0 ] ||
  fail "the example trainee lost points: $(sql "$db" "select reason from scores where points < 0")"
[ "$(sql "$db" "select count(*) from actions")" = 12 ] || fail "actions: $(sql "$db" "select count(*) from actions")"
# The draft to the manager: approved by the tour's approver 30 s later, published, answered by the crowd.
[ "$(sql "$db" "select shown_ms || '|' || author || '|' || parent || '|' || situation || '|' || text from posts
  where post_id = 'answer:6'")" = "190000|@alex_ops|submit:6|draft_approved|Good: publish it." ] ||
  fail "the manager's answer: $(sql "$db" "select * from posts where post_id = 'answer:6'")"
[ "$(sql "$db" "select post_id || '|' || text from actions where kind = 'post'")" = \
  "submit:6|We are sorry about the cold coffee at BrewCo Central. We are looking into it today." ] ||
  fail "the statement: $(sql "$db" "select * from actions where kind = 'post'")"
[ "$(sql "$db" "select author || '|' || situation from posts where parent = 'post:8'")" = "@julie_m|praise" ] ||
  fail "nobody answered the statement post:8"
# The press module answered the journalist (routed: j2); the crowd's replies have their names.
[ "$(sql "$db" "select parent || ' ' || situation from posts where post_id = 'j2'")" = "j1 none" ] ||
  fail "press.inquiry: no j2 reply to j1"
[ "$(sql "$db" "select count(*) from actions where post_id = 'echo1'")" = 1 ] || fail "the reply to echo1 is not stored"
# The answer to a colleague stays internal, judged by the internal_request rules only.
[ "$(sql "$db" "select kind from posts where parent = 'k1'")" = internal ] || fail "the answer to k1 is not internal"
[ "$(sql "$db" "select group_concat(rule, ',') from v_scores where post_id = 'k1'")" = "target.internal,perimeter.internal.reply" ] ||
  fail "k1 rows: $(sql "$db" "select group_concat(rule, ',') from v_scores where post_id = 'k1'")"
[ "$(sql "$db" "select count(*) from posts where kind = 'news' and situation = 'news'")" = 1 ] || fail "no headline"
[ "$(sql "$db" "select opened_ms || '/' || typed_ms from actions where kind = 'reply' and post_id = 'c1'")" = "25000/27000" ] ||
  fail "opened/typed times not stored"

# The expectations of docs/answers.md hold, and its failure example is what check prints.
mkdir -p "$WORK/answers"
cp "$answers" "$WORK/answers/tour.txt"
[ "$(grep -c '^#> ' "$WORK/answers/tour.txt")" -ge 10 ] || fail "docs/answers.md: the expectations block is missing"
expect_exit 0 -- "$CRISISDRILL" check "$tour"
expect_in "$WORK/out" "api-tour.lua: ok (en), 1 playthrough passed"
awk '/^A failure names the file/ { on = 1 } on && /^tour.txt:/ { sub(/.*expected /, ""); sub(/;.*/, ""); print "#> " $0 }' \
  "$SOURCE_DIR/docs/answers.md" >>"$WORK/answers/tour.txt"
expect_exit 1 -- "$CRISISDRILL" check "$tour"
while IFS= read -r line; do
  expect_in "$WORK/out" "answers/$line"
done < <(awk '/^A failure names the file/ { on = 1 } on && /^tour.txt:/' "$SOURCE_DIR/docs/answers.md")
[ "$(grep -c 'FAIL \[en\]' "$WORK/out")" = 2 ] || fail "check: expected 2 failures: $(cat "$WORK/out")"

# Every function of the API has a section with an example.
"$CRISISDRILL" api | awk '/^[a-z]/ { print $1 }' >"$WORK/functions"
[ "$(wc -l <"$WORK/functions")" -ge 20 ] || fail "crisisdrill api lists too few functions"
while read -r fn; do
  grep -q "^### $fn\$" "$api_doc" || fail "docs/scenario-api.md has no section for $fn"
  awk -v fn="### $fn" '$0 == fn { on = 1; next } /^##/ { on = 0 } on && /^```lua/ { found = 1 } END { exit !found }' \
    "$api_doc" || fail "the section of $fn has no example"
done <"$WORK/functions"

# The table of action kinds in docs/answers.md is the program's own (crisisdrill actions), and
# every kind has an example line in the docs that the answers parser reads.
"$CRISISDRILL" actions >"$WORK/actions.md"
awk '/^<!-- crisisdrill actions -->$/ { on = 1; next } /^<!-- end crisisdrill actions -->$/ { on = 0 } on' \
  "$SOURCE_DIR/docs/answers.md" >"$WORK/actions-doc.md"
cmp -s "$WORK/actions.md" "$WORK/actions-doc.md" ||
  fail "docs/answers.md's table of actions differs from crisisdrill actions: $(diff "$WORK/actions.md" "$WORK/actions-doc.md" | head -5)"
[ "$(grep -c '^| [a-z]' "$WORK/actions.md")" -ge 7 ] || fail "crisisdrill actions lists too few kinds"

# The rules reference documents every statement of the default rule set.
for kind in ruleset role concept perimeter alert reply target statement outcome unneeded_alert; do
  grep -q "^### $kind" "$SOURCE_DIR/docs/rules.md" || fail "docs/rules.md has no section for $kind"
done
# ... and its examples, put together, are a rule file that imports and exports back the same.
awk '/^```$/ && !on { on = 1; next } /^```/ && on { on = 0; next } on' "$SOURCE_DIR/docs/rules.md" |
  grep -v '^crisisdrill ' >"$WORK/doc-examples.rules"
expect_exit 0 -- "$CRISISDRILL" rules import "$WORK/doc-examples.rules" --db "$WORK/doc-rules.db"
expect_exit 0 -- "$CRISISDRILL" rules export default -o "$WORK/doc-export.rules" --db "$WORK/doc-rules.db"
for statement in concept perimeter alert reply target statement outcome unneeded_alert; do
  grep -q "^$statement " "$WORK/doc-export.rules" || fail "the docs' $statement example was not imported"
done
expect_in "$WORK/doc-export.rules" "note=3"
expect_in "$WORK/doc-export.rules" "concept=apology"
