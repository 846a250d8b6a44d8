# The trainee's action kinds beyond the first six, each played from an
# answers file on the flagship, with the rows a trainer would look for.
SCENARIO="$SOURCE_DIR/scenarios/complaint-snowball"

# ---- unhide: a hiding undone --------------------------------------------------
# The default set forbids hiding a complaint; a set that rewards showing it
# again (a mistake repaired) scores the unhide by its perimeter rule.
sed 's/^ruleset name=default .*/ruleset name=repair title="Default, and hidden complaints may be shown again"/' \
  "$SOURCE_DIR/scenarios/rules/default.rules" >"$WORK/repair.rules"
cat >>"$WORK/repair.rules" <<'RULES'
perimeter id=perimeter.complaint.unhide situation=complaint action=unhide verdict=allowed points=2
    why="Showing a complaint again that was hidden by mistake repairs the mistake in public."
RULES
cat >"$WORK/unhide.txt" <<'ANSWERS'
01:00 hide c1
01:30 unhide c1
01:40 reply c1 template=apology
ANSWERS
play_scenario unhide "$WORK/unhide.txt" en --rules "$WORK/repair.rules"
db="$WORK/unhide.db"
expect_value "$db" "select group_concat(kind, ' ') from (select kind from actions where kind <> 'open' order by id)" \
  "hide unhide reply"
expect_score "$db" perimeter.complaint.hide c1 broken -5
expect_score "$db" perimeter.complaint.unhide c1 respected 2
# The post is public again at the end: the feed stored it shown.
expect_value "$db" "select hidden from posts where post_id = 'c1'" 0
expect_value "$db" "select reason like '%Showing again%within the perimeter%' from v_scores
  where rule = 'perimeter.complaint.unhide'" 1
# Without the rule, unhiding is not scored (no rule speaks of it), and the post is shown.
play_scenario unhide-default "$WORK/unhide.txt" en
expect_value "$WORK/unhide-default.db" "select count(*) from v_scores where rule like '%unhide%'" 0
expect_value "$WORK/unhide-default.db" "select hidden from posts where post_id = 'c1'" 0
# unhide takes a post and nothing else.
printf '01:00 unhide\n' >"$WORK/bad-unhide.txt"
expect_exit 1 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$WORK/bad-unhide.txt" --db "$WORK/bad.db"
expect_in "$WORK/err" "bad-unhide.txt:1: unhide needs a target: the post id"
printf '01:00 unhide c1 "why"\n' >"$WORK/bad-unhide2.txt"
expect_exit 1 -- "$CRISISDRILL" play "$SCENARIO" --headless --answers "$WORK/bad-unhide2.txt" --db "$WORK/bad.db"
expect_in "$WORK/err" "bad-unhide2.txt:1: unhide takes no text"
