# The flagship scenario, complaint-snowball, played headless by three scripted
# trainees (good, poor, silent) in English and in French: exit status, the
# score rows that explain each total, the branches the story took, the size
# of the feed and the snowball's counters; then determinism (same seed, same
# bytes) and another seed.
SCENARIO="$SOURCE_DIR/scenarios/complaint-snowball"
ANSWERS="$SCENARIO/answers"

# Facts every playthrough shares: a completed session, a full feed, the
# influencer (50k+ followers) quoting the complaint, the journalist, the
# lawyer and the troll, and a total that is the sum of its rows.
common_checks() {
  local db=$1
  expect_value "$db" "select status from sessions" completed
  local shown; shown=$(sql "$db" "select count(*) from posts where by_trainee = 0")
  [ "$shown" -ge 25 ] || fail "$(basename "$db"): only $shown posts shown (at least 25 expected)"
  expect_value "$db" "select count(*) from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'i1' and p.kind = 'quote' and p.parent = 'c1'
                        and a.role = 'influencer' and a.followers >= 50000" 1
  expect_value "$db" "select situation from posts where post_id = 'c1'" complaint
  expect_value "$db" "select situation from posts where post_id = 'j1'" press_inquiry
  expect_value "$db" "select situation from posts where post_id = 'l1'" legal_threat
  expect_value "$db" "select situation from posts where post_id = 't1'" troll
  expect_value "$db" "select (select total from sessions) = (select sum(points) from v_scores)" 1
}

for lang in en fr; do
  # ---- good: quick, sorry, private, moderated, alerting in time ---------------
  good="$WORK/good-$lang.db"
  play_scenario "good-$lang" "$ANSWERS/good.txt" "$lang"
  if [ "$lang" = fr ]; then expect_in "$WORK/out" ": résolue."; else expect_in "$WORK/out" "Outcome: resolved."; fi
  common_checks "$good"
  expect_score "$good" target.complaint c1 on_time 3
  expect_score "$good" reply.apology c1 respected 2
  expect_score "$good" reply.private_channel c1 respected 2
  expect_score "$good" reply.template c1 respected 1
  expect_score "$good" perimeter.complaint.reply c1 respected 2
  expect_score "$good" target.complaint i1 on_time 3
  expect_score "$good" perimeter.complaint.dm d1 respected 2
  expect_score "$good" target.question q1 on_time 1
  expect_score "$good" perimeter.troll.hide t1 respected 1
  expect_score "$good" alert.influencer i1 on_time 4 respected 3  # and its note: what, how big, what is needed
  expect_score "$good" alert.press j1 on_time 5 respected 3
  expect_score "$good" perimeter.press.reply j1 respected 2
  expect_score "$good" target.press j1 on_time 2
  expect_score "$good" alert.legal_threat l1 on_time 5 respected 2  # the note asks for nothing
  expect_score "$good" alert.keywords.legal l1 on_time 3 respected 2
  expect_score "$good" perimeter.legal.reply l1 respected 2
  expect_score "$good" target.legal l1 on_time 2
  expect_value "$good" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'on_time'" 1
  # The model trainee loses nothing: every row is a credit, the statement it drafted, had approved
  # by the manager and published included.
  expect_value "$good" "select count(*) from v_scores where outcome not in ('respected', 'on_time') or points < 0" 0
  expect_score "$good" statement.wave t1 on_time 4
  expect_value "$good" "select count(*) from v_scores where rule = 'statement.approval' and outcome = 'respected'" 1
  expect_value "$good" "select status from (select 'approved' as status) where exists (select 1 from posts
                        where situation = 'draft_approved')" approved
  expect_branches "$good" calmed troll_moderated press_routed legal_routed manager_alerted statement_published
  expect_no_branch "$good" ignored
  expect_value "$good" "select outcome from sessions" resolved
  expect_value "$good" "select total from sessions" 103
  expect_value "$good" "select max_points from sessions" 112

  # ---- poor: late, defensive, censoring, feeding the troll, alerting badly ----
  poor="$WORK/poor-$lang.db"
  play_scenario "poor-$lang" "$ANSWERS/poor.txt" "$lang"
  common_checks "$poor"
  expect_score "$poor" target.complaint c1  # no row: its defensive answer is no answer, and c1 was deleted (the perimeter judges that)
  expect_score "$poor" reply.apology c1 broken -2
  expect_score "$poor" reply.no_blame c1 broken -10
  expect_score "$poor" perimeter.complaint.delete c1 broken -8
  expect_score "$poor" perimeter.troll.reply t1 broken -3
  expect_score "$poor" perimeter.legal.reply l1 broken -6
  expect_score "$poor" perimeter.press.reply j1 broken -6
  expect_score "$poor" alert.unneeded - unneeded -2
  expect_score "$poor" alert.influencer i1 late -2 respected 1
  expect_score "$poor" alert.legal_threat l1 missed -10
  expect_score "$poor" alert.press j1 missed -8
  expect_score "$poor" target.complaint i1 missed -5
  expect_branches "$poor" ignored defensive streisand troll_fed legal_exposed press_mishandled
  expect_no_branch "$poor" calmed
  expect_value "$poor" "select outcome from sessions" backfired
  expect_value "$poor" "select total from sessions" -131
  expect_value "$poor" "select deleted from posts where post_id = 'c1'" 1

  # ---- silent: nothing done, everything missed ---------------------------------
  silent="$WORK/silent-$lang.db"
  play_scenario "silent-$lang" "$ANSWERS/silent.txt" "$lang"
  common_checks "$silent"
  expect_value "$silent" "select count(*) from actions" 0
  expect_score "$silent" target.complaint c1 missed -5
  expect_score "$silent" target.complaint i1 missed -5
  expect_score "$silent" target.press j1 missed -4
  expect_score "$silent" target.legal l1 missed -3
  expect_score "$silent" alert.influencer i1 missed -6
  expect_score "$silent" alert.press j1 missed -8
  expect_score "$silent" alert.legal_threat l1 missed -10
  expect_score "$silent" alert.keywords.legal l1 missed -6
  expect_value "$silent" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'missed'" 1
  expect_value "$silent" "select count(*) from v_scores where points > 0" 0
  expect_branches "$silent" ignored press_ignored legal_ignored
  expect_no_branch "$silent" statement_published
  expect_branches "$silent" no_statement
  expect_value "$silent" "select outcome from sessions" viral
  expect_value "$silent" "select total from sessions" -77

  # ---- the trainee's handling decides the score and the snowball --------------
  g=$(sql "$good" "select total from sessions"); p=$(sql "$poor" "select total from sessions")
  s=$(sql "$silent" "select total from sessions")
  [ "$g" -gt "$p" ] && [ "$g" -gt "$s" ] || fail "$lang: totals good $g, poor $p, silent $s: good should lead"
  rg=$(sql "$good" "select reposts from posts where post_id = 'c1'")
  rs=$(sql "$silent" "select reposts from posts where post_id = 'c1'")
  rp=$(sql "$poor" "select reposts from posts where post_id = 'c1'")
  [ "$rg" -gt 0 ] && [ "$rs" -gt $((rg * 10)) ] && [ "$rp" -gt "$rg" ] \
    || fail "$lang: reposts of c1: good $rg, silent $rs, poor $rp: silence and mishandling should spread it"
  [ "$(sql "$silent" "select count(*) from posts where by_trainee = 0")" -gt \
    "$(sql "$good" "select count(*) from posts where by_trainee = 0")" ] || fail "$lang: silence should grow the feed"
done

# The same story is told in both languages: same post ids, different words.
expect_value "$WORK/poor-fr.db" "select count(*) from posts where by_trainee = 0" \
  "$(sql "$WORK/poor-en.db" "select count(*) from posts where by_trainee = 0")"
[ "$(sql "$WORK/good-en.db" "select text from posts where post_id = 'c1'")" != \
  "$(sql "$WORK/good-fr.db" "select text from posts where post_id = 'c1'")" ] || fail "c1 reads the same in en and fr"
expect_value "$WORK/good-fr.db" "select language from sessions" fr

# The poor trainee in French words: the keyword rules read French too.
play_scenario poor-fr-words "$ANSWERS/poor-fr.txt" fr
expect_score "$WORK/poor-fr-words.db" reply.no_blame c1 broken -10
expect_score "$WORK/poor-fr-words.db" reply.apology c1 broken -2
expect_value "$WORK/poor-fr-words.db" "select total from sessions" -131

# ---- determinism: same scenario, seed and answers give the same bytes -----------
play_scenario again-1 "$ANSWERS/good.txt" en --seed 42
play_scenario again-2 "$ANSWERS/good.txt" en --seed 42
sqlite3 "$WORK/again-1.db" .dump >"$WORK/again-1.sql"
sqlite3 "$WORK/again-2.db" .dump >"$WORK/again-2.sql"
cmp -s "$WORK/again-1.sql" "$WORK/again-2.sql" || fail "two plays with the same seed differ: $(diff "$WORK/again-1.sql" "$WORK/again-2.sql" | head -3)"
for n in 1 2; do
  expect_exit 0 -- "$CRISISDRILL" report --session 1 --db "$WORK/again-$n.db" --format json
  cp "$WORK/out" "$WORK/again-$n.json"
done
cmp -s "$WORK/again-1.json" "$WORK/again-2.json" || fail "the JSON reports of two identical plays differ"
expect_in "$WORK/again-1.json" '"total": 103'

# The crowd (seeded) is a busy one when nobody answers; a different seed
# changes who speaks in it, not the story's verdicts.
play_scenario crowd-1 "$ANSWERS/silent.txt" en --seed 1
play_scenario crowd-7 "$ANSWERS/silent.txt" en --seed 7
expect_value "$WORK/crowd-7.db" "select status || ' ' || outcome from sessions" "completed viral"
expect_value "$WORK/crowd-7.db" "select total from sessions" "$(sql "$WORK/crowd-1.db" "select total from sessions")"
[ "$(sql "$WORK/crowd-1.db" "select group_concat(author) from posts where post_id like 'p%'")" != \
  "$(sql "$WORK/crowd-7.db" "select group_concat(author) from posts where post_id like 'p%'")" ] \
  || fail "seeds 1 and 7 gave the same crowd"
