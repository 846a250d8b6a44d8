# What the story can see of the trainee and of the crowd (docs/scenario-api.md): await{} and
# first_action{} filtered by the situation of the post acted on and its author's role, handled()
# without an id, and the crowd's named replies (crowd{ id = }), which an answers file and an
# expectation can target. The scenarios say what they saw as branches; their answers files'
# "#>" lines say which (tests/scenarios/api/).
API="$SOURCE_DIR/tests/scenarios/api"
: >"$WORK/silent.txt"   # a silent trainee

expect_exit 0 -- "$CRISISDRILL" check "$API/await-filters"
expect_in "$WORK/out" "await-filters/scenario.lua: ok (-), 2 playthroughs passed"
expect_exit 0 -- "$CRISISDRILL" check "$API/crowd-ids"
expect_in "$WORK/out" "crowd-ids/scenario.lua: ok (-), 1 playthrough passed"

# The crowd's replies in the database: named in order, crowds sharing an id numbering on.
db="$WORK/crowd.db"
expect_exit 0 -- "$CRISISDRILL" play "$API/crowd-ids" --headless --answers "$API/crowd-ids/answers/reply-echo.txt" --db "$db"
[ "$(sql "$db" "select group_concat(post_id, ' ') from (select post_id from posts where parent = 'c1' and by_trainee = 0 order by seq)")" = \
  "echo1 c1_crowd1 echo2 echo3 echo4 c1_crowd2" ] ||
  fail "crowd ids: $(sql "$db" "select group_concat(post_id, ' ') from posts where parent = 'c1'")"
[ "$(sql "$db" "select count(*) from actions where kind = 'reply' and post_id = 'echo2'")" = 1 ] ||
  fail "the reply to echo2 is not stored"

# A crowd id that no post id could be: refused at the line of crowd{}.
cat >"$WORK/bad-crowd.lua" <<'LUA'
scenario{ id = "bad-crowd", title = "Bad crowd", duration = 60 }
persona{ handle = "@a", name = "A" }
function main()
  post{ id = "c1", author = "@a", situation = "complaint", text = "Cold." }
  crowd{ about = "c1", id = "my echo", texts = { "Same." } }
end
LUA
expect_exit 1 -- "$CRISISDRILL" play "$WORK/bad-crowd.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/bad-crowd.db"
expect_in "$WORK/err" "bad-crowd.lua:5: crowd: id must be a short name without spaces, quotes, ':' or '#'"

# await's new fields are checked like the others: a tag, a known field name.
for case in 'situation = "Complaint"|await: situation '"'"'Complaint'"'"' must be a tag' \
            'author = "journalist"|await: unknown field '"'"'author'"'"'' \
            'author_role = 3|await: author_role must be a string, not a number'; do
  opts=${case%%|*} msg=${case#*|}
  cat >"$WORK/bad-await.lua" <<LUA
scenario{ id = "bad-await", title = "Bad await", duration = 60 }
function main()
  await{ $opts }
end
LUA
  expect_exit 1 -- "$CRISISDRILL" play "$WORK/bad-await.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/bad-await.db"
  expect_in "$WORK/err" "bad-await.lua:3: $msg"
  rm -f "$WORK/bad-await.db"
done
cat >"$WORK/bad-first.lua" <<'LUA'
scenario{ id = "bad-first", title = "Bad first_action", duration = 60 }
function main()
  first_action{ post = "c1", kind = "reply" }
end
LUA
expect_exit 1 -- "$CRISISDRILL" play "$WORK/bad-first.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/bad-first.db"
expect_in "$WORK/err" "bad-first.lua:3: first_action: unknown field 'kind'"
