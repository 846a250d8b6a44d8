# The scenario employee-viral (an employee's kitchen video gone viral),
# played headless by three scripted trainees (good, poor, silent) in English
# and in French: exit status, the score rows that explain each total, the
# branches the story took, the size of the feed and the video's spread; a
# trainee who answers the video before telling HR; then determinism (same
# seed, same bytes).
SCENARIO="$SOURCE_DIR/scenarios/employee-viral"
ANSWERS="$SCENARIO/answers"

# Facts every playthrough shares: a completed session, a full feed, the video
# reposted by a large account, the crowd, the people who want the employee
# fired, the troll, the worried parent, the journalist; a total that is the
# sum of its rows.
common_checks() {
  local db=$1
  expect_value "$db" "select status from sessions" completed
  local shown; shown=$(sql "$db" "select count(*) from posts where by_trainee = 0")
  [ "$shown" -ge 20 ] || fail "$(basename "$db"): only $shown posts shown (at least 20 expected)"
  expect_value "$db" "select count(*) from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'v1' and p.situation = 'employee_conduct' and a.followers >= 100000" 1
  expect_value "$db" "select group_concat(post_id || ':' || situation, ' ') from
                      (select post_id, situation from posts where post_id in ('c1', 'c2', 'i1', 'f1', 'f2', 'f3',
                       't1', 't2', 's1', 'j1') order by post_id)" \
    "c1:complaint c2:complaint f1:echo f2:echo f3:echo i1:complaint j1:press_inquiry s1:safety_issue t1:troll t2:troll"
  [ "$(sql "$db" "select count(*) from posts where post_id glob 'v1_crowd[0-9]*' and parent = 'v1' and situation = 'echo'")" -ge 1 ] \
    || fail "$(basename "$db"): the crowd never echoed the video"
  expect_value "$db" "select (select total from sessions) = (select sum(points) from v_scores)" 1
}

for lang in en fr; do
  # ---- good: HR and the manager first, an acknowledgement naming no one -------
  # The statement is drafted in the session's language (good.txt, good-fr.txt).
  good="$WORK/good-$lang.db"; good_answers="$ANSWERS/good.txt"
  [ "$lang" = fr ] && good_answers="$ANSWERS/good-fr.txt"
  play_scenario "good-$lang" "$good_answers" "$lang"
  if [ "$lang" = fr ]; then expect_in "$WORK/out" ": contenue."; else expect_in "$WORK/out" "Outcome: contained."; fi
  common_checks "$good"
  expect_score "$good" alert.employee v1 on_time 4 respected 3
  expect_score "$good" perimeter.employee.reply v1 respected 2
  expect_score "$good" target.employee v1 on_time 2
  expect_score "$good" reply.template v1 respected 1
  expect_score "$good" alert.safety s1 on_time 5 respected 3
  expect_score "$good" perimeter.safety.reply s1 respected 2
  expect_score "$good" target.safety s1 on_time 3
  expect_score "$good" alert.influencer i1 on_time 4 respected 3
  expect_score "$good" target.complaint c1 on_time 3
  expect_score "$good" reply.apology c1 respected 2
  expect_score "$good" reply.private_channel c1 respected 2
  expect_score "$good" perimeter.complaint.dm d1 respected 2
  expect_score "$good" reply.apology c2 respected 2
  expect_score "$good" perimeter.troll.hide t1 respected 1
  expect_score "$good" perimeter.troll.hide t2 respected 1
  expect_score "$good" alert.press j1 on_time 5 respected 2
  expect_score "$good" perimeter.press.reply j1 respected 2
  expect_score "$good" target.press j1 on_time 2
  expect_value "$good" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'on_time'" 1
  # The model trainee drafts the holding statement, the manager approves it and
  # it is published as approved: every row is a credit, statements included.
  expect_value "$good" "select count(*) from v_scores where outcome not in ('respected', 'on_time') or points < 0" 0
  expect_score "$good" statement.crisis v1 on_time 5
  expect_score "$good" statement.wave f2 on_time 4
  expect_value "$good" "select count(*) from v_scores where rule_kind = 'statement' and points > 0" 4
  expect_value "$good" "select count(*) from v_scores where rule = 'alert.unneeded'" 0
  expect_branches "$good" acknowledged hr_informed manager_alerted statement_published troll_moderated \
    safety_answered press_routed
  expect_no_branch "$good" statement_unapproved
  expect_no_branch "$good" silence
  expect_no_branch "$good" employee_named
  expect_value "$good" "select count(*) from posts where by_trainee = 1 and text like '%Dylan%'" 0
  expect_value "$good" "select outcome from sessions" contained
  expect_value "$good" "select total from sessions" 121

  # ---- poor: feeds trolls, deletes a complaint, names the employee, alone -----
  poor="$WORK/poor-$lang.db"
  play_scenario "poor-$lang" "$ANSWERS/poor.txt" "$lang"
  common_checks "$poor"
  expect_score "$poor" perimeter.troll.reply t1 broken -3
  expect_score "$poor" perimeter.troll.reply t2 broken -3
  expect_score "$poor" perimeter.complaint.delete c1 broken -8
  expect_score "$poor" perimeter.employee.reply v1 broken -6
  expect_score "$poor" alert.employee v1 missed -6
  expect_score "$poor" perimeter.press.reply j1 broken -6
  expect_score "$poor" alert.press j1 missed -8
  expect_score "$poor" perimeter.safety.reply s1 broken -6
  expect_score "$poor" alert.safety s1 late -4 respected 1
  expect_score "$poor" alert.influencer i1 late -2 respected 1
  expect_score "$poor" reply.apology c2 broken -2
  expect_score "$poor" reply.private_channel c2 broken -1
  expect_score "$poor" alert.legal_threat l1 missed -10
  expect_score "$poor" alert.keywords.legal l1 missed -6
  expect_value "$poor" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'late'" 1
  expect_branches "$poor" employee_named censored troll_fed press_mishandled safety_exposed no_statement
  expect_no_branch "$poor" acknowledged
  expect_value "$poor" "select deleted from posts where post_id = 'c1'" 1
  expect_value "$poor" "select situation from posts where post_id = 'l1'" legal_threat
  expect_value "$poor" "select outcome from sessions" backfired
  expect_value "$poor" "select total from sessions" -144

  # ---- silent: nothing done, the video becomes the story ----------------------
  silent="$WORK/silent-$lang.db"
  play_scenario "silent-$lang" "$ANSWERS/silent.txt" "$lang"
  common_checks "$silent"
  expect_value "$silent" "select count(*) from actions" 0
  expect_score "$silent" alert.employee v1 missed -6
  expect_score "$silent" target.employee v1 missed -3
  expect_score "$silent" alert.safety s1 missed -10
  expect_score "$silent" target.safety s1 missed -6
  expect_score "$silent" alert.influencer i1 missed -6
  expect_score "$silent" alert.press j1 missed -8
  expect_score "$silent" target.press j1 missed -4
  expect_score "$silent" target.complaint c1 missed -5
  expect_value "$silent" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'missed'" 1
  expect_value "$silent" "select count(*) from v_scores where points > 0" 0
  expect_branches "$silent" silence safety_ignored press_ignored
  expect_no_branch "$silent" manager_alerted
  expect_branches "$silent" no_statement
  expect_no_branch "$silent" hr_informed
  expect_value "$silent" "select count(*) from posts where post_id in ('h1', 'w1', 'w2', 'j5')" 4
  expect_value "$silent" "select outcome from sessions" viral
  expect_value "$silent" "select total from sessions" -87

  # ---- the trainee's handling decides the score and the spread -----------------
  g=$(sql "$good" "select total from sessions"); p=$(sql "$poor" "select total from sessions")
  s=$(sql "$silent" "select total from sessions")
  [ "$g" -gt "$p" ] && [ "$g" -gt "$s" ] || fail "$lang: totals good $g, poor $p, silent $s: good should lead"
  rg=$(sql "$good" "select reposts from posts where post_id = 'v1'")
  rs=$(sql "$silent" "select reposts from posts where post_id = 'v1'")
  rp=$(sql "$poor" "select reposts from posts where post_id = 'v1'")
  [ "$rg" -gt 0 ] && [ "$rs" -gt $((rg * 10)) ] && [ "$rp" -gt $((rg * 10)) ] \
    || fail "$lang: reposts of v1: good $rg, silent $rs, poor $rp: silence and mishandling should spread it"
done

# The same story in both languages: same post ids, different words.
expect_value "$WORK/poor-fr.db" "select count(*) from posts where by_trainee = 0" \
  "$(sql "$WORK/poor-en.db" "select count(*) from posts where by_trainee = 0")"
[ "$(sql "$WORK/good-en.db" "select text from posts where post_id = 'v1'")" != \
  "$(sql "$WORK/good-fr.db" "select text from posts where post_id = 'v1'")" ] || fail "v1 reads the same in en and fr"
expect_value "$WORK/good-fr.db" "select language from sessions" fr

# The statement's other paths (answers files with their own expectations):
# a draft that names and judges the employee is refused, a promise of
# sanctions amended; a statement published without the manager breaks the
# perimeter and brings the manager's reproach.
play_scenario refused "$ANSWERS/statement-refused.txt" en
expect_value "$WORK/refused.db" "select count(*) from posts where situation = 'draft_refused'" 1
expect_value "$WORK/refused.db" "select count(*) from posts where situation = 'draft_amended'" 1
expect_branches "$WORK/refused.db" statement_published
expect_no_branch "$WORK/refused.db" employee_named
expect_value "$WORK/refused.db" "select count(*) from posts where by_trainee = 1 and kind = 'post' and text like '%Dylan%'" 0
play_scenario unapproved "$ANSWERS/statement-unapproved.txt" en
expect_score "$WORK/unapproved.db" statement.approval post:6 broken -8
expect_branches "$WORK/unapproved.db" statement_unapproved no_statement
expect_value "$WORK/unapproved.db" "select count(*) from posts where post_id = 'unapproved1'" 1
expect_value "$WORK/unapproved.db" "select outcome from sessions" contained

# Answering the video with the right words but before HR knows: the reply
# breaks the perimeter, the crowd quotes it (answered_alone), and no name.
cat >"$WORK/alone.txt" <<'EOF'
01:10 reply v1 template=acting
EOF
play_scenario alone "$WORK/alone.txt" en
expect_score "$WORK/alone.db" perimeter.employee.reply v1 broken -6
expect_branches "$WORK/alone.db" answered_alone
expect_no_branch "$WORK/alone.db" acknowledged
expect_no_branch "$WORK/alone.db" employee_named
expect_value "$WORK/alone.db" "select count(*) from posts where post_id in ('b1', 'b2')" 2

# ---- determinism: same scenario, seed and answers give the same bytes -----------
play_scenario again-1 "$ANSWERS/good.txt" fr --seed 42
play_scenario again-2 "$ANSWERS/good.txt" fr --seed 42
sqlite3 "$WORK/again-1.db" .dump >"$WORK/again-1.sql"
sqlite3 "$WORK/again-2.db" .dump >"$WORK/again-2.sql"
cmp -s "$WORK/again-1.sql" "$WORK/again-2.sql" || fail "two plays with the same seed differ: $(diff "$WORK/again-1.sql" "$WORK/again-2.sql" | head -3)"
play_scenario again-3 "$ANSWERS/poor.txt" en --seed 42
play_scenario again-4 "$ANSWERS/poor.txt" en --seed 42
sqlite3 "$WORK/again-3.db" .dump >"$WORK/again-3.sql"
sqlite3 "$WORK/again-4.db" .dump >"$WORK/again-4.sql"
cmp -s "$WORK/again-3.sql" "$WORK/again-4.sql" || fail "two poor plays with the same seed differ"
expect_exit 0 -- "$CRISISDRILL" report --session last --db "$WORK/again-1.db"
expect_in "$WORK/out" "employee-viral"

# The trainer's check: the scenario lints clean and every answers file meets
# its own "#>" expectations in both languages.
expect_exit 0 -- "$CRISISDRILL" check "$SCENARIO"
expect_in "$WORK/out" "8 playthroughs passed"
