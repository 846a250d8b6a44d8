# Issue 10, "the score can be gamed": the proof. Scripted trainees who game
# the score (keyword stuffing, template ids with other words, spam, blind
# alerts, alerting everyone, liking the troll), trainees who answer well in
# their own words (English and French), trainees who write one harmful
# reply, and trainees who quit early, for the four shipped scenarios
# (tests/scoring/<scenario>/*.txt, each file says who the trainee is and
# what a trainer expects). Each is played headless in each language and
# under both shipped rule sets, beside the scenario's own good, poor and
# silent trainees (scenarios/<scenario>/answers/), and the issue's "done
# when" is asserted:
#   - a gamer scores at most 25 % of the model trainee (good.txt);
#   - an own-words trainee scores at least 70 % of it, with the same
#     outcome and the same branches;
#   - a harmful reply costs at least 10 points (the same file without it);
#     the statement cases (publishing unapproved, stuffed, spammed or early
#     statements) cost at least what their "#: costs" says, and earn nothing;
#   - the poor trainee (feeds the fire) scores below the silent one;
#   - a good statement in the trainee's own words (drafted, approved by the
#     manager, published on time) earns at least what its "#: earns" says;
#   - quitting early never scores better than staying and doing nothing more;
#   - blind alerts and alerts to everyone cost, under every rule set;
#   - the files' own "#>" expectations hold (crisisdrill check, default set).
# Every case's total and its ratio to the model go in a table, printed and
# written to $WORK/scoring-table.txt (and $ARTEFACTS_DIR when set).
#
# Metadata in the answers files (comment lines, the player skips them):
#   #: case gamer|own|harmful|earns|quit   what is asserted of it
#   #: unneeded                      its alerts must cost (an unneeded row below 0 points)
#   #: quit MM:SS                    (quit cases) when the trainee leaves
#   #: harmful                       (harmful cases) the next action is the harmful reply
#   #: costs N                       (harmful cases) it costs at least N points (10 by default)
#   #: statement                     (earns cases) the next action belongs to the statement
#   #: earns N                       (earns cases) the statement's actions earn at least N points
#   #> lang en|fr                    play it in that language only (also read by check)
SCENARIOS=${SCORING_SCENARIOS:-"complaint-snowball data-leak-rumour employee-viral hashtag-hijack"}
RULESETS="default strict"
CASES="$SOURCE_DIR/tests/scoring"
table="$WORK/scoring-table.txt"
: >"$table"

# meta FILE KEY: the value of "#: KEY VALUE" (empty when absent; "yes" for a bare "#: KEY").
meta() {
  awk -v k="$2" '$1 == "#:" && $2 == k { print (NF > 2 ? $3 : "yes"); exit }' "$1"
}
# langs FILE: the languages the file plays in.
langs() {
  local l; l=$(awk '$1 == "#>" && $2 == "lang" { print $3; exit }' "$1")
  echo "${l:-en fr}"
}

# play NAME FILE LANG RULES [EXPECT_EXIT [OPTION...]]: plays into $WORK/NAME.db and sets
# TOTAL, OUTCOME, STATUS, BRANCHES, UNNEEDED (score rows 'unneeded' below 0
# points), MAXIMUM and PERCENT (when the report has them).
play() {
  local name=$1 file=$2 lang=$3 rules=$4 want=${5:-0}
  shift 5 2>/dev/null || shift $#
  local db="$WORK/$name.db"
  rm -f "$db"
  expect_exit "$want" -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$file" --db "$db" \
    --trainee "$name" --lang "$lang" --rules "$rules" "$@"
  if ! "$CRISISDRILL" report --session last --db "$db" --format json >"$WORK/$name.json" 2>"$WORK/err"; then
    fail "$name: no report ($(head -1 "$WORK/err"))"
    TOTAL=0 OUTCOME=- STATUS=- BRANCHES='' UNNEEDED=0 MAXIMUM='' PERCENT=''
    return
  fi
  TOTAL=$(jq -r '.sessions[0].total' "$WORK/$name.json")
  OUTCOME=$(jq -r '.sessions[0].outcome // "-"' "$WORK/$name.json")
  STATUS=$(jq -r '.sessions[0].status' "$WORK/$name.json")
  MAXIMUM=$(jq -r '.sessions[0].maximum // empty' "$WORK/$name.json")
  PERCENT=$(jq -r '.sessions[0].percentage // .sessions[0].percent // empty' "$WORK/$name.json")
  UNNEEDED=$(jq '[.scores[] | select(.outcome == "unneeded" and .points < 0)] | length' "$WORK/$name.json")
  BRANCHES=$(sql "$db" "select coalesce(group_concat(name, ' '), '') from (select name from branches order by name)")
}

# ratio T M: T as a percentage of M (M > 0), one decimal.
ratio() { awk -v t="$1" -v m="$2" 'BEGIN { if (m > 0) printf "%.1f%%", 100 * t / m; else print "n/a" }'; }

# row SCENARIO LANG RULES CASE TOTAL MODEL VERDICT: one line of the table:
# the total, its ratio to the model's, what it earns over the silent trainee
# ($S, once known) and the outcome (the session's status when it did not
# complete).
row() {
  local end=${OUTCOME:--}
  [ "${STATUS:-completed}" = completed ] || end=$STATUS
  local over=-
  [ -n "${S:-}" ] && over=$(($5 - S))
  printf '%-19s %-2s %-7s %-34s %6s %6s %8s %7s %-14s %s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$(ratio "$5" "$6")" \
    "$over" "$end" "$7" >>"$table"
}

# strip_marked FILE MARK OUT: the file without each action that follows a bare "#: MARK".
strip_marked() {
  awk -v mark="$2" 'skip && $0 !~ /^[ \t]*(#|$)/ { skip = 0; next } $1 == "#:" && $2 == mark && NF == 2 { skip = 1 }
    { print }' "$1" >"$3"
}

# play_pair FILE MARK ID: plays the file without the actions after "#: MARK" (its total in B, a
# row of the table) and then whole (TOTAL...); false when nothing is marked. Reads the loop's
# $s, $lang, $rules, $name and $M.
play_pair() {
  strip_marked "$1" "$2" "$WORK/$3-without.txt"
  if cmp -s "$1" "$WORK/$3-without.txt"; then
    fail "$3: no action after '#: $2'"
    return 1
  fi
  play "$3-without" "$WORK/$3-without.txt" "$lang" "$rules"
  B=$TOTAL
  row "$s" "$lang" "$rules" "$name (without it)" "$B" "$M" ""
  play "$3" "$1" "$lang" "$rules"
}

printf '%-19s %-2s %-7s %-34s %6s %6s %8s %7s %-14s %s\n' scenario la rules case total model ratio +silent outcome \
  verdict >>"$table"

for s in $SCENARIOS; do
  SCENARIO="$SOURCE_DIR/scenarios/$s"
  ANSWERS="$SCENARIO/answers"
  [ -d "$CASES/$s" ] || { fail "$s: no folder tests/scoring/$s"; continue; }

  # The files' own "#>" expectations, under the scenario's rule set: a copy
  # of the scenario whose answers/ are the adversarial trainees.
  rm -rf "$WORK/check-$s" "$WORK/lib" && mkdir -p "$WORK/check-$s/answers"
  cp -r "$SOURCE_DIR/scenarios/lib" "$WORK/lib"   # the library folder the scenarios use (press)
  cp "$SCENARIO"/*.lua "$WORK/check-$s/"
  cp "$CASES/$s"/*.txt "$WORK/check-$s/answers/"
  "$CRISISDRILL" check "$WORK/check-$s" >"$WORK/check-$s.out" 2>&1 || true
  while IFS= read -r line; do
    fail "$s: expectation: ${line#"$WORK/check-$s/"}"
  done < <(grep 'FAIL' "$WORK/check-$s.out")
  grep -q 'playthroughs passed\|playthroughs:' "$WORK/check-$s.out" ||
    fail "$s: check did not run the playthroughs: $(head -3 "$WORK/check-$s.out")"

  for rules in $RULESETS; do
    for lang in en fr; do
      tag="$s-$rules-$lang"
      S=''
      model="$ANSWERS/good.txt"   # the model of the language played, when it has its own (as the scale)
      [ -f "$ANSWERS/good-$lang.txt" ] && model="$ANSWERS/good-$lang.txt"
      play "$tag-model" "$model" "$lang" "$rules"
      M=$TOTAL MO=$OUTCOME MB=$BRANCHES
      row "$s" "$lang" "$rules" "model (good.txt)" "$M" "$M" "reference"
      [ "$M" -gt 0 ] || fail "$tag: the model trainee scores $M: the ratios below mean nothing"

      play "$tag-silent" "$ANSWERS/silent.txt" "$lang" "$rules"
      S=$TOTAL
      row "$s" "$lang" "$rules" "silent (silent.txt)" "$S" "$M" ""
      poors=poor.txt
      [ "$lang" = fr ] && [ -f "$ANSWERS/poor-fr.txt" ] && poors="poor.txt poor-fr.txt"
      for p in $poors; do
        play "$tag-${p%.txt}" "$ANSWERS/$p" "$lang" "$rules"
        verdict=ok
        if [ "$TOTAL" -ge "$S" ]; then
          verdict=FAIL
          fail "$tag: ${p%.txt} (feeds the fire) scores $TOTAL, the silent trainee $S: it should score below"
        fi
        row "$s" "$lang" "$rules" "${p%.txt} (< silent $S)" "$TOTAL" "$M" "$verdict"
      done

      for file in "$CASES/$s"/*.txt; do
        case " $(langs "$file") " in *" $lang "*) ;; *) continue ;; esac
        name=$(basename "$file" .txt)
        kind=$(meta "$file" case)
        id="$tag-$name"
        case $kind in
        gamer)
          play "$id" "$file" "$lang" "$rules"
          verdict=ok
          if [ $((4 * TOTAL)) -gt "$M" ]; then
            verdict=FAIL
            fail "$id: a gamer scores $TOTAL, $(ratio "$TOTAL" "$M") of the model's $M (at most 25 %)"
          fi
          ;;
        own)
          play "$id" "$file" "$lang" "$rules"
          verdict=ok
          if [ $((10 * TOTAL)) -lt $((7 * M)) ]; then
            verdict=FAIL
            fail "$id: in their own words scores $TOTAL, $(ratio "$TOTAL" "$M") of the model's $M (at least 70 %)"
          fi
          if [ "$OUTCOME" != "$MO" ]; then
            verdict=FAIL
            fail "$id: outcome $OUTCOME, the model's is $MO"
          fi
          if [ "$BRANCHES" != "$MB" ]; then
            verdict=FAIL
            fail "$id: branches differ from the model's: only the model: $(comm -23 <(tr ' ' '\n' <<<"$MB") \
<(tr ' ' '\n' <<<"$BRANCHES") | tr '\n' ' ')/ only this trainee: $(comm -13 <(tr ' ' '\n' <<<"$MB") \
<(tr ' ' '\n' <<<"$BRANCHES") | tr '\n' ' ')"
          fi
          ;;
        harmful)
          play_pair "$file" harmful "$id" || continue
          least=$(meta "$file" costs)
          least=${least:-10}
          verdict="ok (costs $((B - TOTAL)))"
          if [ "$TOTAL" -gt $((B - least)) ]; then
            verdict="FAIL (costs $((B - TOTAL)))"
            fail "$id: the harmful actions cost $((B - TOTAL)) points ($TOTAL with them, $B without): at least $least"
          fi
          ;;
        earns)
          play_pair "$file" statement "$id" || continue
          least=$(meta "$file" earns)
          verdict="ok (earns $((TOTAL - B)))"
          if [ -z "$least" ] || [ "$TOTAL" -lt $((B + least)) ]; then
            verdict="FAIL (earns $((TOTAL - B)))"
            fail "$id: the statement earns $((TOTAL - B)) points ($TOTAL with it, $B without): at least ${least:-?}"
          fi
          ;;
        quit)
          at=$(meta "$file" quit)
          [ -n "$at" ] || { fail "$id: a quit case needs '#: quit MM:SS'"; continue; }
          play "$id-stays" "$file" "$lang" "$rules"
          stay=$TOTAL
          row "$s" "$lang" "$rules" "$name (stays to the end)" "$stay" "$M" ""
          # the trainee leaves at TIME, as by closing the window: the crisis plays on without them
          play "$id" "$file" "$lang" "$rules" 0 --leave-at "$at"
          name="$name (leaves at $at)"
          verdict=ok
          if [ "$TOTAL" -gt "$stay" ]; then
            verdict=FAIL
            fail "$id: leaving at $at scores $TOTAL, staying and doing nothing more $stay: leaving should never pay"
          fi
          ;;
        *)
          fail "$id: '#: case' is '$kind' (gamer, own, harmful, earns or quit)"
          continue
          ;;
        esac
        if [ "$(meta "$file" unneeded)" = yes ] && [ "$UNNEEDED" -eq 0 ]; then
          verdict="FAIL (alerts free)"
          fail "$id: under the $rules rules its alerts cost nothing (no 'unneeded' row below 0 points)"
        fi
        [ -n "$PERCENT" ] && verdict="$verdict [${PERCENT}% of max ${MAXIMUM:-?}]"
        row "$s" "$lang" "$rules" "$name" "$TOTAL" "$M" "$verdict"
      done
    done
  done
done

cat "$table"
if [ -n "${ARTEFACTS_DIR:-}" ]; then
  mkdir -p "$ARTEFACTS_DIR" && cp "$table" "$ARTEFACTS_DIR/scoring-table.txt"
fi
