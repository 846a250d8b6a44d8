#!/usr/bin/env bash
# Golden files of the HTML report and the xAPI export: the hand-built
# reports of tests/report/fixtures.c rendered byte for byte as in
# tests/report/golden/. A change of output fails this test; when the change
# is meant, regenerate the files and review the diff before committing:
#   UPDATE_GOLDEN=1 ctest --test-dir build-ci -R report.golden
set -euo pipefail
: "${REPORT_FIXTURE:?path to the report_fixture program}" "${SOURCE_DIR:?}" "${WORK:?}"
golden="$SOURCE_DIR/tests/report/golden"
mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=1700000000

failed=0
for format in html xapi; do
  ext=$format; [ "$format" = xapi ] && ext=json
  for name in session trainee scenario team empty one-session session:hostile team:hostile; do
    fixture=${name%%:*}; hostile=; [ "$name" != "$fixture" ] && hostile=hostile
    file="$fixture${hostile:+-hostile}.$ext"
    "$REPORT_FIXTURE" "$format" "$fixture" $hostile > "$WORK/$file"
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
      cp "$WORK/$file" "$golden/$file"
    elif ! cmp -s "$WORK/$file" "$golden/$file"; then
      echo "golden: $file differs from tests/report/golden/$file:" >&2
      diff "$golden/$file" "$WORK/$file" | head -20 >&2 || true
      failed=1
    fi
  done
done
[ "${UPDATE_GOLDEN:-}" = 1 ] && echo "golden: files rewritten in $golden; review git diff" >&2
exit $failed
