# Trainers' scenarios keep working: the four shipped scenarios as they were
# before the table of action kinds, the shared library and statements
# (tests/fixtures/scenarios-v1, never edited) still load, play every answers
# file in every language, and pass their own `#>` expectations under
# `crisisdrill check`. A change to the API or the rules that breaks a
# trainer's scenario fails here first.
fixtures="$SOURCE_DIR/tests/fixtures/scenarios-v1"
for dir in "$fixtures"/*/; do
  name=$(basename "$dir")
  expect_exit 0 -- "$CRISISDRILL" check "$dir" --db "$WORK/check-$name.db"
  expect_in "$WORK/out" "0 problems; playthroughs:"
  expect_in "$WORK/out" "0 failed"
  # Where an old pattern no longer earns what it did, check says where and what to read.
  if grep -q 'situation = "statement"' "$dir/scenario.lua"; then
    expect_in "$WORK/out" "note: the scenario publishes the company's statement itself"
    expect_in "$WORK/out" "docs/scenario-api.md, \"What changed\""
  fi
  for answers in "$dir"answers/*.txt; do
    for lang in en fr; do
      db="$WORK/$name-$(basename "$answers" .txt)-$lang.db"
      expect_exit 0 -- "$CRISISDRILL" play "$dir" --headless --answers "$answers" --lang "$lang" --db "$db"
      expect_value "$db" "select status from sessions" completed
    done
  done
done
