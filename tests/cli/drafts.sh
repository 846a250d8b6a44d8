# Drafts and approval (docs/scenario-api.md, "Drafts and approval"; docs/answers.md): the trainee
# submits drafts; each role answers on the internal channel as the scenario's approver decides
# (or as the rule set would, for a role with none), and the trainee publishes what was approved;
# the story reacts to the trainee's own statements, quote and reply. Then every mistake, in
# answers files and in scenarios, stops at its file:line.
source "$SOURCE_DIR/tests/cli/scenario_checks.bash"
SCENARIO="$SOURCE_DIR/tests/scenarios/drafts"
GOOD="$SCENARIO/answers/good.txt"

# ---- crisisdrill check: the playthroughs' #> draft expectations hold, in both languages --------
expect_exit 0 -- "$CRISISDRILL" check "$SCENARIO"
expect_in "$WORK/out" "playthroughs: 4 passed, 0 failed"

# ---- one play, row by row ---------------------------------------------------------------------
play_scenario good "$GOOD" en
db="$WORK/good.db"
nl=$'\n'
# Each answer: a reply to its draft on the internal channel, from the role's persona (Dana is the
# manager; Pia speaks for the press office, as the story says; legal has no persona: @legal is
# made with the rule set's label), at its time (the manager after 60 s, legal after 2 minutes, the
# press office 30 s after the story saw the draft), its decision in its situation.
expect_value "$db" "select group_concat(line, char(10)) from (select post_id || '|' || author || '|' || parent || '|' ||
  situation || '|' || shown_ms || '|' || text as line from posts where post_id like 'answer:%' order by seq)" \
"answer:2|@dana|submit:2|draft_approved|120000|Approved — publish it as is.
answer:3|@dana|submit:3|draft_refused|130000|Refused: We never blame a customer in public.
answer:4|@dana|submit:4|draft_amended|140000|Amended — publish this version:${nl}We are sorry for the delays. We are looking into every late parcel today.
answer:8|@pia|submit:8|draft_amended|150000|Use our line:${nl}ParcelPost is looking into the late parcels and will update here.
answer:7|@dana|submit:7|draft_approved|170000|Approved — publish it as is.
answer:5|@legal|submit:5|draft_approved|210000|Approved — publish it as is.
answer:6|@legal|submit:6|draft_refused|220000|Refused: Liability is admitted by legal, never in a post. — \"we admit\""
expect_value "$db" "select kind || '|' || author from posts where post_id like 'answer:%' group by kind, author
  order by author" "internal|@dana${nl}internal|@legal${nl}internal|@pia"
expect_value "$db" "select name || '|' || role from personas where handle = '@legal'" "Legal department|legal"
# The drafts are the trainee's posts on the internal channel.
expect_value "$db" "select count(*) from posts where post_id like 'submit:%' and kind = 'internal' and by_trainee = 1
  and author = '@parcelpost' and situation = 'draft'" 7
# The statements: the action's post_id holds the draft it publishes; a text of the trainee's own is an edit.
expect_value "$db" "select group_concat(line, char(10)) from (select post_id || '|' || edited || '|' || text as line
  from actions where kind = 'post' order by id)" \
"submit:2|0|We are sorry about the late parcels.
submit:4|1|We are sorry for the delays. We are looking into every late parcel now.
submit:5|0|We are looking into the late parcels.
submit:8|0|ParcelPost is looking into the late parcels and will update here."
expect_value "$db" "select group_concat(role, ' ') from (select role from actions where kind = 'submit' order by id)" \
  "manager manager manager legal legal manager press_office"
expect_value "$db" "select group_concat(post_id || '|' || kind || '|' || author, ' ') from (select * from posts
  where kind in ('post') and by_trainee = 1 order by seq)" \
  "post:9|post|@parcelpost post:10|post|@parcelpost post:11|post|@parcelpost post:13|post|@parcelpost"
# The story answered every statement and quoted the quote back: the trainee's posts are parents.
expect_value "$db" "select group_concat(parent || '|' || kind || '|' || author, ' ') from (select * from posts
  where author = '@sam' and parent is not null order by seq)" \
  "post:9|reply|@sam post:10|reply|@sam post:11|reply|@sam quote:12|quote|@sam post:13|reply|@sam"
# It saw the draft's own id, text and concepts, the reply's in handled(), and answered the press
# office once (a second answer() changes nothing).
expect_branches "$db" draft_seen reply_seen answered_once published_submit_2 published_submit_4 published_submit_5 \
  published_submit_8
# The transcript names the role a draft went to and the draft a statement publishes.
expect_exit 0 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$GOOD" --db "$WORK/transcript.db" --transcript
expect_in "$WORK/out" ">>>    submit press_office"
expect_in "$WORK/out" ">>>    post draft=submit:4"
# A replay gives the same rows.
expect_exit 0 -- "$CRISISDRILL" replay 1 --headless --db "$db"
expect_in "$WORK/out" "identical"

# ---- a flood of drafts: each role answers them in turn, with no thread of the timeline per draft --
for i in $(seq 1 1500); do echo "00:10 submit legal \"Draft $i: we are looking into it.\""; done >"$WORK/flood.txt"
play_scenario flood "$WORK/flood.txt" en
expect_value "$WORK/flood.db" "select count(*) || '|' || min(shown_ms) || '|' || max(shown_ms) from posts
  where post_id like 'answer:%' and situation = 'draft_approved'" "1500|130000|130000"

# ---- in French: the answers' own words, and the reason of the rule set in French -----------------
play_scenario good-fr "$GOOD" fr
expect_value "$WORK/good-fr.db" "select group_concat(text, char(10)) from (select text from posts
  where post_id in ('answer:2', 'answer:3', 'answer:6') order by seq)" \
"Approuvé — publiez-le tel quel.
Refusé : On ne met jamais un client en cause publiquement.
Refusé : C’est le service juridique qui reconnaît une responsabilité, jamais une publication. — \"we admit\""
expect_value "$WORK/good-fr.db" "select substr(text, 1, 34) from posts where post_id = 'answer:4'" \
  "Modifié — publiez cette version :"

# ---- draft= that cannot be published: at the answers file's line, the session aborted -----------
bad_draft() { # NAME LINE MESSAGE: a run whose third line is LINE stops there with MESSAGE
  printf '00:30 submit manager "We are sorry about the late parcels."\n00:40 submit manager "It is your fault."\n%s\n' \
    "$2" >"$WORK/$1.txt"
  rm -f "$WORK/$1.db"
  expect_exit 1 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$WORK/$1.txt" --db "$WORK/$1.db"
  expect_in "$WORK/err" "$1.txt:3: $3"
  expect_value "$WORK/$1.db" "select status from sessions" aborted
  expect_value "$WORK/$1.db" "select count(*) from actions where kind = 'post'" 0
}
bad_draft unknown "05:00 post draft=submit:9" "no draft 'submit:9' (drafts submitted so far: submit:1, submit:2)"
bad_draft pending "01:00 post draft=submit:1" \
  "draft 'submit:1' has no answer yet from manager: publish it once it is approved or amended"
bad_draft refused "05:00 post draft=submit:2" \
  "draft 'submit:2' was refused by manager (We never blame a customer in public.): it cannot be published"
# Lines the parser refuses before anything is played: NAME, the file, the message.
refused_file() {
  printf '%s' "$2" >"$WORK/$1.txt"
  expect_exit 1 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$WORK/$1.txt" --db "$WORK/parse.db"
  expect_in "$WORK/err" "$1.txt:$3"
}
refused_file reply-draft $'00:30 submit manager "Sorry."\n05:00 reply c1 draft=submit:1 "x"\n' \
  "2: reply takes no draft= (a statement publishes an approved draft: post draft=submit:3)"
refused_file no-text $'05:00 post\n' "1: post needs a text in double quotes or draft=ID (an approved draft)"

# ---- mistakes in a scenario's approver: at the scenario's line (tests/scenarios/drafts-errors) ----
for f in "$SOURCE_DIR"/tests/scenarios/drafts-errors/*.lua; do
  check_scenario_error "$f" "$SOURCE_DIR/tests/scenarios/drafts-errors/submit.txt"
done

# ---- #> draft expectations that fail, and one misspelt -------------------------------------------
mkdir -p "$WORK/drafts-fail/answers"
cp "$SCENARIO"/*.lua "$WORK/drafts-fail/"
cat >"$WORK/drafts-fail/answers/wrong.txt" <<'ANSWERS'
#> lang en
#> draft manager refused
#> no draft manager approved
#> draft legal
00:30 submit manager "We are sorry about the late parcels."
ANSWERS
expect_exit 1 -- "$CRISISDRILL" check "$WORK/drafts-fail"
expect_in "$WORK/out" "wrong.txt:2: FAIL [en]: expected draft manager refused; drafts: manager approved"
expect_in "$WORK/out" "wrong.txt:3: FAIL [en]: expected no draft manager approved; drafts: manager approved"
expect_in "$WORK/out" "wrong.txt:4: FAIL [en]: expected draft legal; drafts: manager approved"
printf '#> draft manager answered\n' >"$WORK/drafts-fail/answers/wrong.txt"
expect_exit 1 -- "$CRISISDRILL" check "$WORK/drafts-fail"
expect_in "$WORK/out" "wrong.txt:1: draft ROLE [pending|approved|amended|refused]"
