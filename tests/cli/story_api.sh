# What the story can see of the trainee (docs/scenario-api.md): await{} and first_action{}
# filtered by the situation of the post acted on and its author's role, handled() without an
# id. The scenario says what it saw as branches; its answers files' "#>" lines say which
# (tests/scenarios/api/).
API="$SOURCE_DIR/tests/scenarios/api"
: >"$WORK/silent.txt"   # a silent trainee

expect_exit 0 -- "$CRISISDRILL" check "$API/await-filters"
expect_in "$WORK/out" "await-filters/scenario.lua: ok (-), 2 playthroughs passed"
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
