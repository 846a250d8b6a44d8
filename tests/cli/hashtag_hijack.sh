# The scenario hashtag-hijack (a cheerful brand campaign taken over by
# unhappy customers), played headless by three scripted trainees (good, poor,
# silent) in English and in French: exit status, the score rows that explain
# each total, the branches the story took, the size of the feed; then
# determinism (same seed, same bytes).
SCENARIO="$SOURCE_DIR/scenarios/hashtag-hijack"
ANSWERS="$SCENARIO/answers"

# Facts every playthrough shares: a completed session, at least 20 posts, the
# brand's cheerful campaign post first, the influencer (50k+) quoting it, the
# journalist, the troll, and a total that is the sum of its rows.
common_checks() {
  local db=$1
  expect_value "$db" "select status from sessions" completed
  local shown; shown=$(sql "$db" "select count(*) from posts where by_trainee = 0")
  [ "$shown" -ge 20 ] || fail "$(basename "$db"): only $shown posts shown (at least 20 expected)"
  expect_value "$db" "select post_id || ' ' || situation || ' ' || shown_ms from posts where by_trainee = 0
                      order by seq limit 1" "b1 campaign 0"
  expect_value "$db" "select a.role from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'b1'" brand
  expect_value "$db" "select count(*) from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'i1' and p.kind = 'quote' and p.parent = 'b1'
                        and a.role = 'influencer' and a.followers >= 50000" 1
  expect_value "$db" "select situation from posts where post_id = 'h1'" complaint
  expect_value "$db" "select situation from posts where post_id = 'j1'" press_inquiry
  expect_value "$db" "select situation from posts where post_id = 't1'" troll
  expect_value "$db" "select (select total from sessions) = (select sum(points) from v_scores)" 1
}

for lang in en fr; do
  # ---- good: acknowledge, pause the campaign, sorry + DM, route, moderate ------
  # The statement is drafted in the session's language (good.txt, good-fr.txt).
  good="$WORK/good-$lang.db"; good_answers="$ANSWERS/good.txt"
  [ "$lang" = fr ] && good_answers="$ANSWERS/good-fr.txt"
  play_scenario "good-$lang" "$good_answers" "$lang"
  if [ "$lang" = fr ]; then expect_in "$WORK/out" ": contenue."; else expect_in "$WORK/out" "Outcome: contained."; fi
  common_checks "$good"
  expect_score "$good" target.complaint h1 on_time 3
  expect_score "$good" reply.apology h1 respected 2
  expect_score "$good" reply.private_channel h1 respected 2
  expect_score "$good" reply.template h1 respected 1
  expect_score "$good" reply.template b1 respected 1
  expect_score "$good" perimeter.complaint.dm d1 respected 2
  expect_score "$good" target.complaint h3 on_time 3
  expect_score "$good" perimeter.troll.hide t1 respected 1
  expect_score "$good" reply.apology i1 respected 2
  expect_score "$good" alert.influencer i1 on_time 4 respected 2
  expect_score "$good" alert.press j1 on_time 5 respected 2
  expect_score "$good" perimeter.press.reply j1 respected 2
  expect_value "$good" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'on_time'" 1
  # The model trainee drafts the holding statement, the manager approves it and
  # it is published as approved: every row is a credit, statements included.
  expect_value "$good" "select count(*) from v_scores where outcome not in ('respected', 'on_time') or points < 0" 0
  expect_score "$good" statement.wave t1 on_time 4
  expect_value "$good" "select count(*) from v_scores where rule_kind = 'statement' and points > 0" 3
  expect_branches "$good" campaign_paused calmed dm_settled acknowledged troll_moderated press_routed \
    manager_alerted statement_published
  expect_no_branch "$good" statement_unapproved
  expect_no_branch "$good" campaign_rolled_on
  expect_value "$good" "select count(*) from posts where post_id in ('b2', 'b3')" 0
  expect_value "$good" "select outcome from sessions" contained
  expect_value "$good" "select total from sessions" 95

  # ---- poor: more cheer, defensive, deleting, feeding the troll, late ---------
  poor="$WORK/poor-$lang.db"
  play_scenario "poor-$lang" "$ANSWERS/poor.txt" "$lang"
  common_checks "$poor"
  expect_score "$poor" reply.no_cheer h1 broken -5
  expect_score "$poor" reply.apology h1 broken -2
  expect_score "$poor" reply.no_cheer i1 broken -5
  expect_score "$poor" reply.no_blame h2 broken -10
  expect_score "$poor" perimeter.complaint.delete h1 broken -8
  expect_score "$poor" perimeter.complaint.delete h3 broken -8
  expect_score "$poor" perimeter.troll.reply t1 broken -3
  expect_score "$poor" perimeter.press.reply j1 broken -6
  expect_score "$poor" alert.press j1 missed -8
  expect_score "$poor" alert.influencer i1 late -2 respected 1
  expect_score "$poor" reply.template b1 broken 0
  expect_branches "$poor" cheer_continued campaign_rolled_on campaign_pulled_late defensive streisand \
    cheer_backfire troll_fed press_mishandled no_statement
  expect_no_branch "$poor" campaign_paused
  expect_value "$poor" "select count(*) from posts where post_id in ('b2', 'b3')
                        and author = (select author from posts where post_id = 'b1')" 2
  expect_value "$poor" "select deleted from posts where post_id = 'h1'" 1
  expect_value "$poor" "select outcome from sessions" backfired
  expect_value "$poor" "select total from sessions" -120

  # ---- silent: the campaign rolls on, everything missed ------------------------
  silent="$WORK/silent-$lang.db"
  play_scenario "silent-$lang" "$ANSWERS/silent.txt" "$lang"
  common_checks "$silent"
  expect_value "$silent" "select count(*) from actions" 0
  expect_score "$silent" target.complaint h1 missed -5
  expect_score "$silent" target.complaint i1 missed -5
  expect_score "$silent" target.press j1 missed -4
  expect_score "$silent" alert.influencer i1 missed -6
  expect_score "$silent" alert.press j1 missed -8
  expect_value "$silent" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'missed'" 1
  expect_value "$silent" "select count(*) from v_scores where points > 0" 0
  expect_branches "$silent" campaign_rolled_on ignored bashtag press_ignored no_statement
  expect_no_branch "$silent" manager_alerted
  expect_no_branch "$silent" campaign_paused
  expect_value "$silent" "select count(*) from posts where post_id in ('b2', 'b3')" 2
  expect_value "$silent" "select outcome from sessions" hijacked
  expect_value "$silent" "select total from sessions" -57

  # ---- the trainee's handling decides the score and the spread ------------------
  g=$(sql "$good" "select total from sessions"); p=$(sql "$poor" "select total from sessions")
  s=$(sql "$silent" "select total from sessions")
  [ "$g" -gt "$p" ] && [ "$g" -gt "$s" ] || fail "$lang: totals good $g, poor $p, silent $s: good should lead"
  rg=$(sql "$good" "select reposts from posts where post_id = 'b1'")
  rs=$(sql "$silent" "select reposts from posts where post_id = 'b1'")
  [ "$rs" -gt $((rg * 5)) ] || fail "$lang: reposts of b1: good $rg, silent $rs: the hijack should spread unchecked"
  [ "$(sql "$silent" "select count(*) from posts where by_trainee = 0")" -gt \
    "$(sql "$good" "select count(*) from posts where by_trainee = 0")" ] || fail "$lang: silence should grow the feed"
done

# The same story in both languages: same post ids, different words.
expect_value "$WORK/poor-fr.db" "select group_concat(post_id) from (select post_id from posts where by_trainee = 0 order by seq)" \
  "$(sql "$WORK/poor-en.db" "select group_concat(post_id) from (select post_id from posts where by_trainee = 0 order by seq)")"
[ "$(sql "$WORK/good-en.db" "select text from posts where post_id = 'b1'")" != \
  "$(sql "$WORK/good-fr.db" "select text from posts where post_id = 'b1'")" ] || fail "b1 reads the same in en and fr"
expect_value "$WORK/good-fr.db" "select language from sessions" fr

# The statement's other paths: a draft that argues and cheers is refused, one
# that announces the pause (the manager's decision) amended; a statement
# published without the manager breaks the perimeter and brings a reproach.
play_scenario refused "$ANSWERS/statement-refused.txt" en
expect_value "$WORK/refused.db" "select count(*) from posts where situation = 'draft_refused'" 1
expect_value "$WORK/refused.db" "select count(*) from posts where situation = 'draft_amended'" 1
expect_branches "$WORK/refused.db" statement_published
expect_value "$WORK/refused.db" "select outcome from sessions" contained
play_scenario unapproved "$ANSWERS/statement-unapproved.txt" en
expect_score "$WORK/unapproved.db" statement.approval post:7 broken -8
expect_branches "$WORK/unapproved.db" statement_unapproved no_statement
expect_value "$WORK/unapproved.db" "select count(*) from posts where post_id = 'unapproved1'" 1
expect_value "$WORK/unapproved.db" "select outcome from sessions" recovered

# The trainer's check: every answers file meets its own "#>" expectations.
expect_exit 0 -- "$CRISISDRILL" check "$SCENARIO"
expect_in "$WORK/out" "8 playthroughs passed"

# ---- determinism: same scenario, seed and answers give the same bytes -----------
for who in good poor; do
  play_scenario "again-$who-1" "$ANSWERS/$who.txt" en --seed 42
  play_scenario "again-$who-2" "$ANSWERS/$who.txt" en --seed 42
  sqlite3 "$WORK/again-$who-1.db" .dump >"$WORK/again-$who-1.sql"
  sqlite3 "$WORK/again-$who-2.db" .dump >"$WORK/again-$who-2.sql"
  cmp -s "$WORK/again-$who-1.sql" "$WORK/again-$who-2.sql" \
    || fail "$who: two plays with the same seed differ: $(diff "$WORK/again-$who-1.sql" "$WORK/again-$who-2.sql" | head -3)"
done
