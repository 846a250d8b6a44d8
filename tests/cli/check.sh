# crisisdrill check: lints scenarios and rule files, runs the playthroughs
# declared in answers/*.txt (#> expectations), exit 0 only when clean.
expect_exit 0 -- "$CRISISDRILL" check "$SOURCE_DIR/scenarios/complaint-snowball" "$SOURCE_DIR/scenarios/rules/default.rules"
expect_in "$WORK/out" "complaint-snowball/scenario.lua: ok (en fr), 12 playthroughs passed"
expect_in "$WORK/out" "default.rules: ok"
expect_exit 0 -- "$CRISISDRILL" check complaint-snowball   # an installed scenario's name

# A playthrough whose expectation does not hold: file:line, what was found, exit 1.
cp -r "$SOURCE_DIR/scenarios/complaint-snowball" "$WORK/copy"
cp -r "$SOURCE_DIR/scenarios/lib" "$WORK/lib"   # the library folder it uses (press)
sed -i 's/^#> total >= 50$/#> total >= 500/' "$WORK/copy/answers/good.txt"
line=$(grep -n '^#> total >= 500$' "$WORK/copy/answers/good.txt" | cut -d: -f1)
expect_exit 1 -- "$CRISISDRILL" check "$WORK/copy"
expect_in "$WORK/out" "good.txt:$line: FAIL [en]: expected total >= 500; the total is +103"
expect_in "$WORK/out" "good.txt:$line: FAIL [fr]: expected total >= 500; the total is +103"
expect_in "$WORK/out" "playthroughs: 10 passed, 2 failed"
echo "#> branch nowhere" >>"$WORK/copy/answers/silent.txt"
echo "#> smile please" >>"$WORK/copy/answers/silent.txt"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/copy"
expect_in "$WORK/out" "expected branch nowhere; branches: ignored"
expect_in "$WORK/out" "silent.txt:$(wc -l <"$WORK/copy/answers/silent.txt"): unknown expectation"

# Counters and reach (docs/answers.md, "Expectations"): evaluated at the end of the session on the
# stored counters; every operator; a post the session never showed fails with file:line.
db="$WORK/measure.db"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/copy" --headless --answers "$WORK/copy/answers/silent.txt" --lang en --db "$db"
reposts=$(sql "$db" "select reposts from posts where post_id = 'c1'")
likes=$(sql "$db" "select likes from posts where post_id = 'c1'")
replies=$(sql "$db" "select replies from posts where post_id = 'c1'")
[ "$reposts" -gt 100 ] || fail "the silent flagship's complaint should spread: $reposts reposts"
mkdir -p "$WORK/measure/answers"
cp "$WORK/copy"/*.lua "$WORK/measure/"
cat >"$WORK/measure/answers/silent.txt" <<TXT
#> lang en
#> counter c1 reposts = $reposts
#> counter c1 likes = $likes
#> counter c1 replies = $replies
#> reach c1 = $((reposts + 1))
#> reach c1 < $((reposts + 2))
#> reach c1 <= $((reposts + 1))
#> reach c1 > $reposts
#> reach c1 >= $((reposts + 1))
#> reach k1 = 0
#> reach n1 = 0
#> reach > $reposts
#> total < 0
#> total > -1000
TXT
expect_exit 0 -- "$CRISISDRILL" check "$WORK/measure"
expect_in "$WORK/out" "1 playthrough passed"
cat >"$WORK/measure/answers/silent.txt" <<TXT
#> lang en
#> reach c1 < $((reposts + 1))
#> counter c1 likes > $likes
#> reach c9 <= 1000
#> counter c9 reposts >= 0
#> total = 12345
TXT
expect_exit 1 -- "$CRISISDRILL" check "$WORK/measure"
expect_in "$WORK/out" "silent.txt:2: FAIL [en]: expected reach c1 < $((reposts + 1)); the reach of c1 is $((reposts + 1))"
expect_in "$WORK/out" "silent.txt:3: FAIL [en]: expected counter c1 likes > $likes; likes of c1 is $likes"
expect_in "$WORK/out" "silent.txt:4: FAIL [en]: expected reach c9 <= 1000; no post 'c9' in this session"
expect_in "$WORK/out" "silent.txt:5: FAIL [en]: expected counter c9 reposts >= 0; no post 'c9' in this session"
expect_in "$WORK/out" "silent.txt:6: FAIL [en]: expected total = 12345; the total is"
expect_in "$WORK/out" "playthroughs: 0 passed, 1 failed"
# The session's reach is the scale's: the number check notes for a silent run.
silent_reach=$(sed -n 's/.*\[en\].*with the model trainee, \([0-9]*\) with nobody acting/\1/p' "$WORK/out" | head -1)
printf '#> lang en\n#> reach = %s\n' "$silent_reach" >"$WORK/measure/answers/silent.txt"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/measure"
# Malformed lines are refused with file:line, before anything plays.
printf '#> reach c1 =< 5\n#> counter c1 shares > 3\n#> counter c1 likes >\n#> reach\n#> total >> 3\n#> reach c1 <= many\n' \
  >"$WORK/measure/answers/silent.txt"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/measure"
for n in 1 4 6; do
  expect_in "$WORK/out" "silent.txt:$n: reach OP N (the session's) or reach POST OP N, with OP one of <, <=, >, >= or ="
done
for n in 2 3; do
  expect_in "$WORK/out" "silent.txt:$n: counter POST reposts|likes|replies OP N, with OP one of <, <=, >, >= or ="
done
expect_in "$WORK/out" "silent.txt:5: total OP N, with OP one of <, <=, >, >= or ="

# Lint: a situation no perimeter rule covers, a template never offered, a runtime error.
mkdir -p "$WORK/lint"
cat >"$WORK/lint/scenario.lua" <<'LUA'
scenario{ id = "lint", title = "Lint", duration = 120 }
persona{ handle = "@a", name = "A" }
template{ id = "unused", situation = "safety_issue", text = "Careful." }
function main()
  post{ id = "x1", author = "@a", situation = "gossip", text = "Did you hear?" }
  wait(30)
  local t = nil
  return t.field
end
LUA
expect_exit 1 -- "$CRISISDRILL" check "$WORK/lint"
expect_in "$WORK/out" "lint/scenario.lua: situation 'gossip' (post x1) has no perimeter rule in rule set 'default'"
expect_in "$WORK/out" "template 'unused' is never offered: no post of situation 'safety_issue' appears in any run"
expect_in "$WORK/out" "lint/scenario.lua:8: attempt to index a nil value"

printf 'scenario{ id = "s", title = "S", duration = 60 }\nfunction main(\n' >"$WORK/syntax.lua"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/syntax.lua"
expect_in "$WORK/out" "syntax.lua:3:"
printf 'ruleset name=x\nrole id=legal\nalert id=a when=situation situation=x role=hr deadline=5m\n' >"$WORK/bad.rules"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/bad.rules"
expect_in "$WORK/out" "bad.rules:3: rule 'a': role 'hr' is not declared"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/nothing-here"
expect_exit 2 -- "$CRISISDRILL" check

# The tutorial's example: its scenario fragments and its answers block make a scenario that checks clean.
mkdir -p "$WORK/tutorial/answers"
tut="$SOURCE_DIR/docs/tutorial.md"
{
  echo 'scenario{ id = "my-first-crisis", title = T.title, summary = T.summary, version = "1",'
  echo '          languages = { "en" }, duration = 30 * 60, rules = "default" }'
  awk '/^```lua$/ { n++; on = (n == 2); next } /^```/ { on = 0 } on' "$tut"
} >"$WORK/tutorial/scenario.lua"
cat >"$WORK/tutorial/en.lua" <<'LUA'
return { title = "My first crisis", summary = "Sam's complaint.", sorry = "Sorry Sam, please send us a DM.",
         c1 = "Broken on arrival. Again.", echo1 = "Same here.", echo2 = "Never again." }
LUA
awk '$0 == "```answers" { on = 1; next } /^```/ { on = 0 } on' "$tut" >"$WORK/tutorial/answers/good.txt"
[ -s "$WORK/tutorial/answers/good.txt" ] || fail "no answers example in docs/tutorial.md"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/tutorial"
expect_in "$WORK/out" "1 playthrough passed"

# The stricter rule set: valid, and the same scenario played under it scores differently.
expect_exit 0 -- "$CRISISDRILL" check "$SOURCE_DIR/scenarios/rules/strict.rules"
expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --headless --rules strict --db "$WORK/strict.db" \
  --answers "$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
[ "$(sql "$WORK/strict.db" "select v.name || ' ' || s.total from sessions s join ruleset_versions v on v.id = s.ruleset_version")" = "strict 97" ] ||
  fail "strict: $(sql "$WORK/strict.db" "select total from sessions")"
[ "$(sql "$WORK/strict.db" "select outcome || ' ' || points from v_scores where rule = 'perimeter.troll.hide'")" = "respected 1" ] ||
  fail "strict: the good trainee hides the troll once the manager knows: within the perimeter"
printf '04:30 hide t1\n' >"$WORK/hide-first.txt"
expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --headless --rules strict --db "$WORK/strict-hide.db" \
  --answers "$WORK/hide-first.txt"
[ "$(sql "$WORK/strict-hide.db" "select outcome || ' ' || points from v_scores where rule = 'perimeter.troll.hide'")" = "broken -2" ] ||
  fail "strict: hiding the troll before the manager knows should be out of the perimeter"

# Every shipped scenario and rule file checks clean, and every declared playthrough passes.
expect_exit 0 -- "$CRISISDRILL" check "$SOURCE_DIR/scenarios"
expect_in "$WORK/out" "4 scenarios, 2 rule files: 0 problems"
expect_not_in "$WORK/out" "FAIL"
expect_not_in "$WORK/out" "warning:"   # the shipped French texts follow French typography

# Roles the rule set does not know are caught where they are used; branches no run reaches are noted.
mkdir -p "$WORK/roles" "$WORK/rare"
printf 'scenario{ id = "roles", title = "R", duration = 60 }\nfunction main()\n  wait(5)\n  if alerted("sheriff") then branch("never") end\nend\n' >"$WORK/roles/scenario.lua"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/roles"
expect_in "$WORK/out" "roles/scenario.lua:4: alerted: role 'sheriff' is not in rule set 'default'"
printf 'scenario{ id = "rare", title = "R", duration = 60 }\nfunction main()\n  wait(5)\n  if now() > 999 then branch("rare") end\n  branch("usual")\nend\n' >"$WORK/rare/scenario.lua"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/rare"
expect_in "$WORK/out" "rare/scenario.lua:4: note: branch 'rare' is reached by no playthrough"
expect_not_in "$WORK/out" "branch 'usual'"

# French typography (docs/tutorial.md, step 3): the tutorial's fr.lua gives the warnings it shows,
# with file:line; warnings never fail the check. The shipped French files give none.
cp -r "$WORK/tutorial" "$WORK/typo"
awk '/^```lua$/ { getline first; if (first == "-- fr.lua") { on = 1; print first; next } } /^```/ { on = 0 } on' "$tut" >"$WORK/typo/fr.lua"
[ -s "$WORK/typo/fr.lua" ] || fail "no fr.lua example in docs/tutorial.md"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/typo"
n=0
while IFS= read -r line; do
  case "$line" in
    fr.lua:*) expect_in "$WORK/out" "typo/$line"; n=$((n + 1)) ;;
    */scenario.lua:*) expect_in "$WORK/out" "${line#my-first-crisis/}" ;;
  esac
done < <(awk '$0 == "```console" { on = 1; next } /^```/ { on = 0 } on' "$tut")
[ "$n" = 6 ] || fail "docs/tutorial.md shows $n typography warnings, expected 6"
[ "$(grep -c 'warning:' "$WORK/out")" = 6 ] || fail "check gave other warnings: $(grep 'warning:' "$WORK/out")"
# An answers file marked French is linted too (its texts, not its comments); an English one is not.
printf "#> lang fr\n# l'avis du stagiaire : rien\n00:50 reply c1 \"C'est noté !\"\n" >"$WORK/typo/answers/fr-note.txt"
printf "00:50 reply c1 \"It's noted: thanks!\"\n" >"$WORK/typo/answers/en-note.txt"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/typo"
expect_in "$WORK/out" "fr-note.txt:3: warning: straight apostrophe: write ’ (U+2019), in \"C'est not\""
expect_in "$WORK/out" "fr-note.txt:3: warning: ordinary space before '!'"
expect_not_in "$WORK/out" "fr-note.txt:2:"
expect_not_in "$WORK/out" "en-note.txt"
