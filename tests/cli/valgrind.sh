# Every shipped scenario, in each of its languages, played headless by each of its answers files
# under valgrind memcheck: no invalid read or write, no use of uninitialised memory, no definite
# or indirect leak (docs/reliability.md). Then the commands a manager and a trainer run over the
# result: sessions, report, transcript, replay --headless, check. Not run in sanitizer builds
# (valgrind cannot run an ASan binary; those builds have their own checks).
command -v valgrind >/dev/null || { fail "valgrind is missing (scripts/install-deps installs it)"; finish; }
db="$WORK/valgrind.db"
log="$WORK/valgrind.log"

# memcheck COMMAND...: runs it under memcheck; any error or leak fails the check (exit 99).
memcheck() {
  local got=0
  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --track-origins=yes --log-file="$log" "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
  if [ "$got" = 99 ] || [ -s "$log" ]; then
    fail "memcheck: $*"; sed 's/^/    /' "$log" | head -40 >&2
  elif [ "$got" != 0 ]; then
    fail "exit $got: $*"; sed 's/^/    err: /' "$WORK/err" | head -5 >&2
  fi
}

# The playthroughs run two at a time (valgrind is slow; they share the database as people do).
runs=0
for dir in "$SOURCE_DIR"/scenarios/*/; do
  [ -f "$dir/scenario.lua" ] || continue
  for lang_file in "$dir"/??.lua; do
    lang=$(basename "$lang_file" .lua)
    for answers in "$dir"/answers/*.txt; do
      runs=$((runs + 1))
      [ "$(jobs -rp | wc -l)" -lt 2 ] || wait -n || failures=$((failures + 1))
      ( failures=0 log="$WORK/run$runs.log" WORK="$WORK/run$runs"; mkdir -p "$WORK"
        memcheck "$CRISISDRILL" play "$dir" --headless --answers "$answers" --lang "$lang" --db "$db" --transcript
        exit "$failures" ) &
    done
  done
done
while [ -n "$(jobs -rp)" ]; do wait -n || failures=$((failures + 1)); done
[ "$runs" -ge 8 ] || fail "only $runs playthroughs: every scenario should be played in each language"
[ "$(sql "$db" "select count(*) from sessions where status = 'completed'")" = "$runs" ] ||
  fail "not every playthrough completed: $(sql "$db" "select status, count(*) from sessions group by 1")"

memcheck "$CRISISDRILL" sessions --db "$db"
memcheck "$CRISISDRILL" sessions --db "$db" --format json
memcheck "$CRISISDRILL" report --session 1 --db "$db"
memcheck "$CRISISDRILL" report --session last --db "$db" --format json
memcheck "$CRISISDRILL" transcript --session 2 --db "$db"
memcheck "$CRISISDRILL" replay 1 --headless --db "$db"
memcheck "$CRISISDRILL" check "$SOURCE_DIR/scenarios"
memcheck "$CRISISDRILL" rules export default --db "$db" -o "$WORK/default.rules"
echo "$runs playthroughs under memcheck"
