# The scenario data-leak-rumour played headless by three scripted trainees
# (good, poor, silent) in English and in French: exit status, the score rows
# that explain each total, the branches the story took, the size of the feed;
# then the language files (same keys) and determinism (same seed, same bytes).
SCENARIO="$SOURCE_DIR/scenarios/data-leak-rumour"
ANSWERS="$SCENARIO/answers"

# Facts every playthrough shares: a completed session, at least 20 posts, the
# claim, the screenshots, the questions, the "hacker", the journalist and the
# consumer group, and a total that is the sum of its rows.
common_checks() {
  local db=$1 id situation
  expect_value "$db" "select status from sessions" completed
  local shown; shown=$(sql "$db" "select count(*) from posts where by_trainee = 0")
  [ "$shown" -ge 20 ] || fail "$(basename "$db"): only $shown posts shown (at least 20 expected)"
  for id in leak1:data_leak h1:data_leak sc1:data_leak h2:data_leak t1:troll j1:press_inquiry l1:legal_threat \
            q1:question e2:echo; do
    expect_value "$db" "select situation from posts where post_id = '${id%%:*}'" "${id#*:}"
  done
  expect_value "$db" "select kind || ' ' || parent from posts where post_id = 'sc1'" "quote leak1"
  expect_value "$db" "select a.role from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 't1'" troll
  expect_value "$db" "select a.role from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'j1'" journalist
  expect_value "$db" "select a.role from posts p join personas a on a.session_id = p.session_id and a.handle = p.author
                      where p.post_id = 'l1'" consumer_group
  expect_value "$db" "select (select total from sessions) = (select sum(points) from v_scores)" 1
}

for lang in en fr; do
  # ---- good: security and legal at once, holding lines after the alerts ------
  good="$WORK/good-$lang.db"
  model="$ANSWERS/good.txt"
  [ "$lang" = fr ] && model="$ANSWERS/good-fr.txt"   # the statement drafted in the session's language
  play_scenario "good-$lang" "$model" "$lang"
  if [ "$lang" = fr ]; then expect_in "$WORK/out" ": contenue."; else expect_in "$WORK/out" "Outcome: contained."; fi
  common_checks "$good"
  expect_score "$good" alert.leak leak1 on_time 5 respected 1
  expect_score "$good" alert.keywords.legal e2 on_time 3 respected 2
  expect_score "$good" perimeter.leak.reply leak1 respected 2
  expect_score "$good" perimeter.leak.reply h1 respected 2
  expect_score "$good" perimeter.leak.reply sc1 respected 2
  expect_score "$good" perimeter.leak.reply h2 respected 2
  expect_score "$good" reply.template leak1 respected 1
  expect_score "$good" target.question q1 on_time 1
  expect_score "$good" perimeter.troll.hide t1 respected 1
  expect_score "$good" alert.press j1 on_time 5 respected 2
  expect_score "$good" perimeter.press.reply j1 respected 2
  expect_score "$good" alert.legal_threat l1 on_time 5 respected 2
  expect_score "$good" perimeter.legal.reply l1 respected 2
  expect_value "$good" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'on_time'" 1
  expect_value "$good" "select count(*) from v_scores where rule = 'reply.no_personal_data'" 0
  # The model trainee loses nothing: every row is a credit, the statement drafted once security
  # had briefed, approved by the manager and published in time included.
  expect_value "$good" "select count(*) from v_scores where outcome not in ('respected', 'on_time') or points < 0" 0
  expect_score "$good" statement.crisis leak1 on_time 5
  expect_score "$good" statement.wave e3 on_time 4
  expect_branches "$good" security_first security_briefed statement_published troll_moderated press_routed \
    legal_routed manager_informed
  expect_no_branch "$good" spoke_alone
  expect_no_branch "$good" rumour_spreads
  expect_value "$good" "select outcome from sessions" contained
  expect_value "$good" "select total from sessions" 87

  # ---- poor: denies then confirms alone, personal data, feeds the troll ------
  poor="$WORK/poor-$lang.db"
  play_scenario "poor-$lang" "$ANSWERS/poor.txt" "$lang"
  common_checks "$poor"
  expect_score "$poor" perimeter.leak.reply leak1 broken -8
  expect_score "$poor" reply.no_personal_data leak1 broken -10
  expect_score "$poor" perimeter.leak.reply h1 broken -8
  expect_score "$poor" perimeter.leak.reply h2 broken -8
  expect_score "$poor" perimeter.troll.reply t1 broken -3
  expect_score "$poor" perimeter.press.reply j1 broken -6
  expect_score "$poor" perimeter.legal.reply l1 broken -6
  expect_score "$poor" alert.leak leak1 late -4 respected 1
  expect_score "$poor" alert.keywords.legal e2 missed -6
  expect_score "$poor" alert.legal_threat l1 missed -10
  expect_score "$poor" alert.press j1 missed -8
  expect_branches "$poor" spoke_alone data_exposed troll_fed press_mishandled legal_exposed security_late
  expect_no_branch "$poor" security_first
  expect_value "$poor" "select outcome from sessions" backfired
  expect_value "$poor" "select total from sessions" -160

  # ---- silent: nothing done, the rumour fills the silence ---------------------
  silent="$WORK/silent-$lang.db"
  play_scenario "silent-$lang" "$ANSWERS/silent.txt" "$lang"
  common_checks "$silent"
  expect_value "$silent" "select count(*) from actions" 0
  expect_score "$silent" alert.leak leak1 missed -10
  expect_score "$silent" alert.keywords.legal e2 missed -6
  expect_score "$silent" alert.legal_threat l1 missed -10
  expect_score "$silent" alert.press j1 missed -8
  expect_score "$silent" target.press j1 missed -4
  expect_score "$silent" target.question q1 missed -2
  expect_value "$silent" "select count(*) from v_scores where rule = 'alert.volume' and outcome = 'missed'" 1
  expect_value "$silent" "select count(*) from v_scores where points > 0" 0
  expect_branches "$silent" rumour_spreads press_ignored legal_ignored dm_dropped
  expect_no_branch "$silent" statement_published
  expect_branches "$silent" no_statement
  expect_value "$silent" "select outcome from sessions" spread
  expect_value "$silent" "select total from sessions" -66

  # ---- the handling decides the score and the spread -------------------------
  g=$(sql "$good" "select total from sessions"); p=$(sql "$poor" "select total from sessions")
  s=$(sql "$silent" "select total from sessions")
  [ "$g" -gt "$p" ] && [ "$g" -gt "$s" ] || fail "$lang: totals good $g, poor $p, silent $s: good should lead"
  rg=$(sql "$good" "select reposts from posts where post_id = 'leak1'")
  rs=$(sql "$silent" "select reposts from posts where post_id = 'leak1'")
  rp=$(sql "$poor" "select reposts from posts where post_id = 'leak1'")
  [ "$rg" -gt 0 ] && [ "$rs" -gt $((rg * 10)) ] && [ "$rp" -gt "$rg" ] \
    || fail "$lang: reposts of leak1: good $rg, silent $rs, poor $rp: silence and mishandling should spread it"
done

# The same story in both languages: same post ids, different words, same keys.
expect_value "$WORK/poor-fr.db" "select group_concat(post_id) from (select post_id from posts order by post_id)" \
  "$(sql "$WORK/poor-en.db" "select group_concat(post_id) from (select post_id from posts order by post_id)")"
[ "$(sql "$WORK/good-en.db" "select text from posts where post_id = 'leak1'")" != \
  "$(sql "$WORK/good-fr.db" "select text from posts where post_id = 'leak1'")" ] || fail "leak1 reads the same in en and fr"
expect_value "$WORK/good-fr.db" "select language from sessions" fr
keys() { grep -o '\b[a-z0-9_]* = "' "$1" | sed 's/ = "//' | sort; }
[ "$(keys "$SCENARIO/en.lua" | wc -l)" -ge 100 ] || fail "en.lua: fewer keys than expected"
[ "$(keys "$SCENARIO/en.lua" | uniq -d)" = "" ] || fail "en.lua: a key twice: $(keys "$SCENARIO/en.lua" | uniq -d)"
[ "$(keys "$SCENARIO/en.lua")" = "$(keys "$SCENARIO/fr.lua")" ] \
  || fail "en.lua and fr.lua keys differ: $(diff <(keys "$SCENARIO/en.lua") <(keys "$SCENARIO/fr.lua") | head -3)"

# The poor trainee in French words: the same rows, the same total.
play_scenario poor-fr-words "$ANSWERS/poor-fr.txt" fr
expect_score "$WORK/poor-fr-words.db" reply.no_personal_data leak1 broken -10
expect_score "$WORK/poor-fr-words.db" perimeter.leak.reply h2 broken -8
expect_branches "$WORK/poor-fr-words.db" spoke_alone data_exposed troll_fed
expect_value "$WORK/poor-fr-words.db" "select total from sessions" -160

# ---- determinism: same scenario, seed and answers give the same bytes -----------
for a in good poor; do
  play_scenario "$a-again-1" "$ANSWERS/$a.txt" en --seed 42
  play_scenario "$a-again-2" "$ANSWERS/$a.txt" en --seed 42
  sqlite3 "$WORK/$a-again-1.db" .dump >"$WORK/$a-again-1.sql"
  sqlite3 "$WORK/$a-again-2.db" .dump >"$WORK/$a-again-2.sql"
  cmp -s "$WORK/$a-again-1.sql" "$WORK/$a-again-2.sql" \
    || fail "$a: two plays with the same seed differ: $(diff "$WORK/$a-again-1.sql" "$WORK/$a-again-2.sql" | head -3)"
done
