# Output files (-o): never the database, never half-written (docs/reliability.md, "Output files").
# Every command that writes a file refuses one that is the database it uses or one of its side files
# (-wal, -shm, -live, -journal), whatever the name given: the same name, another spelling, a symbolic
# link, a hard link, a database given through a link. A write that fails leaves the old file as it was.
cd "$WORK"
answers="$SOURCE_DIR/scenarios/complaint-snowball/answers/good.txt"
play() { "$CRISISDRILL" play complaint-snowball --headless --answers "$answers" "$@"; }
mkdir -p d sub
play --db d/t.db >/dev/null && play --db d/t.db --trainee bob >/dev/null || fail "cannot make the database"
# rows: every stored row, and the database sound (compared before and after each refusal).
rows() {
  sqlite3 -readonly d/t.db "pragma integrity_check; select * from sessions order by id; select * from actions order by id;
    select * from scores order by id; select * from posts order by session_id, post_id; select * from rules order by id;
    select * from session_totals order by session_id" | md5sum
}
before=$(rows)
ln -s t.db d/link.db             # a symbolic link to the database
ln d/t.db d/hard.db              # a hard link: another name, the same file
ln -s ../d/t.db sub/elsewhere    # a link from another folder

# Every command that writes a file, each with -o TARGET appended.
commands=(
  "report --team" "report --team --format csv" "report --team --format csv --summary" "report --team --format json"
  "report --team --format html" "report --team --format xapi" "report --session 1" "report --trainee bob"
  "sessions" "sessions --format json" "transcript --session 1" "rules export default"
)
targets=(d/t.db ./d/../d/t.db "$WORK/d/t.db" d/link.db d/hard.db sub/elsewhere d/t.db-wal d/t.db-shm d/t.db-live
         d/t.db-journal ./d/./t.db-journal)
refusals=0
for cmd in "${commands[@]}"; do
  for target in "${targets[@]}"; do
    # shellcheck disable=SC2086
    expect_exit 1 -- "$CRISISDRILL" $cmd --db d/t.db -o "$target"
    [ "$(wc -l <"$WORK/err")" = 1 ] && grep -q "^crisisdrill: .*this is the database the command reads" "$WORK/err" ||
      fail "$cmd -o $target: expected the one-line refusal, got: $(head -2 "$WORK/err")"
    refusals=$((refusals + 1))
  done
  # The database given through a link: its real name is refused as well.
  # shellcheck disable=SC2086
  expect_exit 1 -- "$CRISISDRILL" $cmd --db sub/elsewhere -o d/t.db
  expect_in "$WORK/err" "this is the database"
done
[ "$(rows)" = "$before" ] || fail "a refused -o changed the database"
[ ! -e d/t.db-journal ] || fail "a refused -o created the -journal file"
[ -z "$(find . -name '*.tmp')" ] || fail "temporary files left: $(find . -name '*.tmp')"
echo "output files: $refusals refusals, the database unchanged"

# ---- a normal output: written, and a symbolic link keeps pointing at its renewed file ----------------
expect_exit 0 -- "$CRISISDRILL" report --team --format csv -o out.csv --db d/t.db
[ -s out.csv ] || fail "report -o out.csv wrote nothing"
echo old >real.csv && chmod 640 real.csv && ln -s real.csv via-link.csv
expect_exit 0 -- "$CRISISDRILL" report --team --format csv -o via-link.csv --db d/t.db
[ -L via-link.csv ] || fail "the symbolic link was replaced by a file"
cmp -s real.csv out.csv || fail "the link's target was not renewed"
[ "$(stat -c %a real.csv)" = 640 ] || fail "the renewed file lost its permissions: $(stat -c %a real.csv)"
expect_exit 0 -- "$CRISISDRILL" report --team -o /dev/null --db d/t.db  # a device is written directly
[ -c /dev/null ] || fail "/dev/null is no longer a device"
expect_exit 1 -- "$CRISISDRILL" report --team -o sub --db d/t.db
expect_in "$WORK/err" "is a folder"

# ---- a write that fails half-way leaves the old file as it was --------------------------------------
# A copy whose second session holds a damaged score row (a type the schema allows but the program
# refuses): the CSV stream writes session 1's rows, then meets it and fails.
cp d/t.db broken.db
sqlite3 broken.db "update scores set points = 'many' where id = (select max(id) from scores)"
echo "the manager's last report" >keep.csv
expect_exit 1 -- "$CRISISDRILL" report --team --format csv -o keep.csv --db broken.db
expect_in "$WORK/err" "a damaged row"
[ "$(cat keep.csv)" = "the manager's last report" ] || fail "a failed report changed the old output file"
[ -z "$(find . -name '*.tmp')" ] || fail "a failed report left its temporary file"
expect_exit 1 -- "$CRISISDRILL" report --team --format csv -o new.csv --db broken.db
[ ! -e new.csv ] || fail "a failed report left a partial new file"
