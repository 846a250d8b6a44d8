# The scenarios' library folder (docs/scenario-api.md, "The library folder"): require "NAME"
# finds lib/NAME.lua beside a scenario folder or beside a single-file scenario, loads it once,
# folds it into the scenario's version; the press module's four outcomes; the shipped scenarios
# use it. Hostile modules (paths, loops, cycles, memory) are in tests/scenarios/sandbox/lib_*.lua.

: >"$WORK/silent.txt"   # a silent trainee

# ---- where a module is found -----------------------------------------------------------
mkdir -p "$WORK/drills/story" "$WORK/drills/lib" "$WORK/single/lib"
cat >"$WORK/drills/lib/greet.lua" <<'LUA'
-- A module: a fresh table each time its file runs.
local greet = {}
function greet.hello(name) return "Hello " .. name end
return greet
LUA
cat >"$WORK/drills/story/scenario.lua" <<'LUA'
local greet = require "greet"
local again = require "greet"
scenario{ id = "lib-story", title = "Library: story", duration = 60 }
persona{ handle = "@a", name = "A", followers = 10 }
function main()
  -- loaded once: the same table every time, at the top level and in main()
  local same = greet == again and require "greet" == greet
  post{ id = "c1", author = "@a", situation = "praise", text = greet.hello("folder") .. (same and " once" or " twice") }
end
LUA
expect_exit 0 -- "$CRISISDRILL" play "$WORK/drills/story" --headless --answers "$WORK/silent.txt" --db "$WORK/story.db"
[ "$(sql "$WORK/story.db" "select text from posts where post_id = 'c1'")" = "Hello folder once" ] ||
  fail "folder scenario: $(sql "$WORK/story.db" "select text from posts")"
# from inside the folder: lib/ is found beside it all the same
(cd "$WORK/drills/story" && expect_exit 0 -- "$CRISISDRILL" play scenario.lua --headless --answers "$WORK/silent.txt" \
  --db "$WORK/story-inside.db")
[ "$(sql "$WORK/story-inside.db" "select text from posts where post_id = 'c1'")" = "Hello folder once" ] ||
  fail "folder scenario played from inside: $(sql "$WORK/story-inside.db" "select text from posts")"

# a folder given with a slash ("story/" -> "story//scenario.lua"): the same lib/
expect_exit 0 -- "$CRISISDRILL" play "$WORK/drills/story/" --headless --answers "$WORK/silent.txt" --db "$WORK/story-slash.db"
[ "$(sql "$WORK/story-slash.db" "select text from posts where post_id = 'c1'")" = "Hello folder once" ] ||
  fail "folder scenario given as story/: $(sql "$WORK/story-slash.db" "select text from posts")"

# A single-file scenario finds lib/ beside the file, not beside a folder above it.
sed 's/"folder"/"single"/' "$WORK/drills/lib/greet.lua" >"$WORK/single/lib/greet.lua"
sed 's/hello("folder")/hello("file")/' "$WORK/drills/story/scenario.lua" >"$WORK/single/drill.lua"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/single/drill.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/single.db"
[ "$(sql "$WORK/single.db" "select text from posts where post_id = 'c1'")" = "Hello file once" ] ||
  fail "single-file scenario: $(sql "$WORK/single.db" "select text from posts")"
cp "$WORK/single/drill.lua" "$WORK/drills/drill.lua"   # beside drills/lib/ now
rm -rf "$WORK/single/lib"
expect_exit 1 -- "$CRISISDRILL" play "$WORK/single/drill.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/none.db"
expect_in "$WORK/err" "drill.lua:1: require: no module 'greet' (no file $WORK/single/lib/greet.lua, nor "
expect_in "$WORK/err" "scenarios/lib/greet.lua)"
[ "$(wc -l <"$WORK/err")" = 1 ] || fail "a missing module: one line of error, got $(cat "$WORK/err")"

# ---- the module is part of the scenario's version ----------------------------------------
version() { sql "$1" "select scenario_version from sessions where id = ${2:-1}"; }
v1=$(version "$WORK/story.db")
expect_exit 0 -- "$CRISISDRILL" play "$WORK/drills/story" --headless --answers "$WORK/silent.txt" --db "$WORK/story.db"
[ "$(version "$WORK/story.db" 2)" = "$v1" ] || fail "the same files gave another version: $(version "$WORK/story.db" 2)"
expect_exit 0 -- "$CRISISDRILL" replay 1 --headless --db "$WORK/story.db"
expect_in "$WORK/out" "identical"
echo "-- an edit of the module alone" >>"$WORK/drills/lib/greet.lua"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/drills/story" --headless --answers "$WORK/silent.txt" --db "$WORK/story.db"
[ "$(version "$WORK/story.db" 3)" != "$v1" ] || fail "editing lib/greet.lua left the scenario's version as it was"
expect_exit 1 -- "$CRISISDRILL" replay 1 --headless --db "$WORK/story.db"
expect_in "$WORK/out" "DIFFERENT"
# A scenario that requires nothing keeps the version it had before the library folder existed.
expect_exit 0 -- "$CRISISDRILL" play "$SOURCE_DIR/tests/scenarios/hostile" --headless --answers "$WORK/silent.txt" \
  --db "$WORK/hostile.db"
[ "$(version "$WORK/hostile.db")" = "$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$SOURCE_DIR/tests/golden/hostile-session.json" | head -1)" ] ||
  fail "a scenario without require changed version: $(version "$WORK/hostile.db")"

# `check` on a folder of scenarios passes the lib/ folder by (it is no scenario).
expect_exit 0 -- "$CRISISDRILL" check "$WORK/drills"
expect_in "$WORK/out" "story/scenario.lua: ok"
expect_not_in "$WORK/out" "lib/greet.lua"

# ---- the press module: its four outcomes, each an answers file with expectations --------------
mkdir -p "$WORK/api/lib"
cp -r "$SOURCE_DIR/tests/scenarios/api/press" "$WORK/api/"
cp "$SOURCE_DIR/scenarios/lib/press.lua" "$WORK/api/lib/"
expect_exit 0 -- "$CRISISDRILL" check "$WORK/api/press"
expect_in "$WORK/out" "press/scenario.lua: ok (-), 4 playthroughs passed"
# Its options are checked at the scenario's line.
cat >"$WORK/api/bad-press.lua" <<'LUA'
local press = require "press"
scenario{ id = "bad-press", title = "Bad press", duration = 60 }
persona{ handle = "@j", name = "J", role = "journalist" }
function main()
  post{ id = "j1", author = "@j", situation = "press_inquiry", text = "A question." }
  press.inquiry{ post = "j1", author = "@j", routed = { reply = { text = "x" }, post = { text = "y" } } }
end
LUA
expect_exit 1 -- "$CRISISDRILL" play "$WORK/api/bad-press.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/bad-press.db"
expect_in "$WORK/err" "bad-press.lua:6: press.inquiry: routed shows one of reply, quote or post"
sed -i 's/routed = .*/rooted = {} }/' "$WORK/api/bad-press.lua"
expect_exit 1 -- "$CRISISDRILL" play "$WORK/api/bad-press.lua" --headless --answers "$WORK/silent.txt" --db "$WORK/bad-press2.db"
expect_in "$WORK/err" "bad-press.lua:6: press.inquiry: unknown field 'rooted'"

# ---- the shipped scenarios tell the press thread through the module ----------------------------
for s in complaint-snowball data-leak-rumour employee-viral hashtag-hijack; do
  grep -q '^local press = require "press"$' "$SOURCE_DIR/scenarios/$s/scenario.lua" ||
    fail "$s does not require the press module"
  ! grep -q 'branch("press_' "$SOURCE_DIR/scenarios/$s/scenario.lua" ||
    fail "$s still tells the press thread by hand"
done

# A shipped scenario copied elsewhere to adapt, without the library folder:
# require finds the installed modules (beside the shipped rule sets).
mkdir -p "$WORK/adapted"
cp -r "$SOURCE_DIR/scenarios/complaint-snowball" "$WORK/adapted/"
expect_exit 0 -- "$CRISISDRILL" play "$WORK/adapted/complaint-snowball" --headless \
  --answers "$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt" --db "$WORK/adapted.db"
expect_in "$WORK/out" "Session 1 completed"
# ... and a module of its own beside it comes first.
mkdir -p "$WORK/adapted/lib"
printf 'error("the adapted press module")\n' >"$WORK/adapted/lib/press.lua"
expect_exit 1 -- "$CRISISDRILL" play "$WORK/adapted/complaint-snowball" --headless \
  --answers "$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt" --db "$WORK/adapted2.db"
expect_in "$WORK/err" "lib/press.lua:1: the adapted press module"
