# replay --headless: a recorded session plays again to the same rows; a
# changed scenario is caught.
db="$WORK/replay.db"
cp -r "$SOURCE_DIR/scenarios/complaint-snowball" "$WORK/scenario"
cp -r "$SOURCE_DIR/scenarios/lib" "$WORK/lib"   # the library folder it uses (press)
for who in good poor silent; do
  expect_exit 0 -- "$CRISISDRILL" play "$WORK/scenario" --headless --answers "$WORK/scenario/answers/$who.txt" \
    --db "$db" --lang fr --seed 7 --trainee "$who"
done
for id in 1 2 3; do
  expect_exit 0 -- "$CRISISDRILL" replay "$id" --headless --db "$db"
  expect_in "$WORK/out" "Session $id replayed: identical"
done
# The replay writes nothing into the recorded database.
[ "$(sql "$db" "select count(*) from sessions")" = 3 ] || fail "the replay added sessions"

# A trainer edits a text: the replay shows where the recording and the scenario part.
sed -i 's/Quatre mails, zéro réponse/Cinq mails, zéro réponse/' "$WORK/scenario/fr.lua"
expect_exit 1 -- "$CRISISDRILL" replay 1 --headless --db "$db"
expect_in "$WORK/out" "DIFFERENT"
expect_in "$WORK/out" "recorded: session|good|complaint-snowball|1+"

expect_exit 1 -- "$CRISISDRILL" replay 42 --headless --db "$db"
expect_in "$WORK/err" "no session 42"
expect_exit 2 -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$CRISISDRILL" replay 1 --db "$db"
expect_exit 2 -- "$CRISISDRILL" replay --headless --db "$db"
