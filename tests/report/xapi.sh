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

# The scale (docs/xapi.md): a session of scoring model 1 keeps raw alone; one
# with a scale has scaled = raw / maximum clamped to [-1, 1], max unless raw
# exceeds it, and success = its readiness at 70 %.
scale_problems=$(sqlite3 :memory: "
  with st as (select value as v from json_each(readfile('$WORK/trainee.json'))
              union all select value from json_each(readfile('$WORK/scenario.json'))),
  s as (select v, json_extract(v, '\$.result.score.raw') as raw,
               json_extract(v, '\$.context.extensions.\"https://lms.example.org/crisisdrill/xapi/scale\".maximum') as m
        from st)
  select 'session ' || json_extract(v, '\$.context.extensions.\"https://lms.example.org/crisisdrill/xapi/session\"') || ': ' ||
    case when m is null and (json_type(v, '\$.result.score.scaled') is not null or json_type(v, '\$.result.success') is not null)
           then 'scaled or success without a scale'
         when m is not null and abs(json_extract(v, '\$.result.score.scaled') - max(-1.0, min(1.0, raw * 1.0 / m))) > 0.00005
           then 'scaled is not raw / maximum'
         when m is not null and (raw <= m) <> (json_extract(v, '\$.result.score.max') is m)
           then 'max missing or given above raw'
         when m is not null and json_extract(v, '\$.result.success') <> (json_extract(v, '\$.result.completion') and raw * 1000 >= 700 * m)
           then 'success is not the readiness at 70 %'
    end as problem from s where problem is not null")
[ -z "$scale_problems" ] || { echo "xapi: the scale mapping: $scale_problems" >&2; failed=1; }
n=$(sqlite3 :memory: "select count(*) from json_each(readfile('$WORK/trainee.json')) where json_type(value, '\$.result.success') is not null")
[ "$n" = 3 ] || { echo "xapi: trainee fixture: $n statements with success, expected 3 (two sessions of model 1)" >&2; failed=1; }
n=$(sqlite3 :memory: "select count(*) from json_each(readfile('$WORK/scenario.json')) where json_extract(value, '\$.result.score.scaled') = 1 and json_type(value, '\$.result.score.max') is null")
[ "$n" = 1 ] || { echo "xapi: scenario fixture: the session above its maximum should be scaled 1 without max ($n)" >&2; failed=1; }

# A statement breaking seven rules must give at least seven problems.
printf '[{"id":"x","actor":{"objectType":"Group"},"verb":{"id":"nope"},"object":{},"result":{"duration":"4M","score":{"raw":5,"min":4,"max":3,"scaled":2}},"version":"2"}]' > "$WORK/bad.json"
bad=$(check "$WORK/bad.json" | wc -l)
[ "$bad" -ge 7 ] || { echo "xapi: the checker found only $bad problems in a bad statement" >&2; failed=1; }

# docs/xapi.md: the first ```json block is the session fixture's statement.
awk '/^```json$/ {on=1; next} /^```$/ && on {exit} on' "$SOURCE_DIR/docs/xapi.md" > "$WORK/doc-example.json"
same=$(sqlite3 :memory: "select json(readfile('$WORK/doc-example.json')) = json(json_extract(readfile('$WORK/session.json'), '\$[0]'))" 2>&1 || true)
[ "$same" = 1 ] || { echo "xapi: the example of docs/xapi.md is not what the session fixture exports ($same)" >&2; failed=1; }
exit $failed
