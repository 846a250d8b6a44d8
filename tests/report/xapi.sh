#!/usr/bin/env bash
# The xAPI export against the rules of xAPI 1.0.3 (xapi_check.sql, run by
# the sqlite3 tool): every fixture, plain and hostile, passes; a statement
# that breaks the rules is caught (so the checker can fail); and the example
# statement of docs/xapi.md is what the session fixture exports.
set -euo pipefail
: "${REPORT_FIXTURE:?}" "${SOURCE_DIR:?}" "${WORK:?}"
here="$SOURCE_DIR/tests/report"
mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=1700000000
failed=0

# Prints the problems of one file of statements (nothing when valid).
check() {
  sqlite3 :memory: -cmd "create table input(doc)" -cmd "insert into input values(readfile('$1'))" < "$here/xapi_check.sql"
}

for name in session trainee scenario team empty one-session; do
  for hostile in "" hostile; do
    file="$WORK/$name${hostile:+-hostile}.json"
    "$REPORT_FIXTURE" xapi "$name" $hostile > "$file"
    problems=$(check "$file")
    [ -z "$problems" ] || { echo "xapi: $file:" >&2; echo "$problems" >&2; failed=1; }
  done
done
n=$(sqlite3 :memory: "select json_array_length(readfile('$WORK/scenario.json'))")
[ "$n" = 6 ] || { echo "xapi: scenario exports $n statements, expected 6 (the running session left out)" >&2; failed=1; }

# A statement breaking six rules must give at least six problems.
printf '[{"id":"x","actor":{"objectType":"Group"},"verb":{"id":"nope"},"object":{},"result":{"duration":"4M","score":{"raw":5,"max":3,"scaled":2}},"version":"2"}]' > "$WORK/bad.json"
bad=$(check "$WORK/bad.json" | wc -l)
[ "$bad" -ge 6 ] || { echo "xapi: the checker found only $bad problems in a bad statement" >&2; failed=1; }

# docs/xapi.md: the first ```json block is the session fixture's statement.
awk '/^```json$/ {on=1; next} /^```$/ && on {exit} on' "$SOURCE_DIR/docs/xapi.md" > "$WORK/doc-example.json"
same=$(sqlite3 :memory: "select json(readfile('$WORK/doc-example.json')) = json(json_extract(readfile('$WORK/session.json'), '\$[0]'))" 2>&1 || true)
[ "$same" = 1 ] || { echo "xapi: the example of docs/xapi.md is not what the session fixture exports ($same)" >&2; failed=1; }
exit $failed
