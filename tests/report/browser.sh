#!/usr/bin/env bash
# The HTML report in a real browser (Debian's chromium, headless): every
# fixture of tests/report/fixtures.c, plain and hostile, loads without a
# console message (a blocked script or load is a CSP violation, logged to
# the console), its DOM holds nothing active and shows every hostile text as
# text; screenshots are kept under artefacts/; printing to PDF gives A4
# pages with the report's text. To refresh the docs' screenshots:
#   UPDATE_SCREENSHOTS=1 ctest --test-dir build-ci -R report.browser
set -euo pipefail
: "${REPORT_FIXTURE:?}" "${SOURCE_DIR:?}" "${WORK:?}" "${ARTEFACTS_DIR:?}"
here="$SOURCE_DIR/tests/report"
rm -rf "$WORK" && mkdir -p "$WORK" "$ARTEFACTS_DIR"
export SOURCE_DATE_EPOCH=1700000000
command -v chromium >/dev/null || { echo "browser: chromium is missing (scripts/install-deps)" >&2; exit 1; }

# One bounded headless run; its stderr (the console, with logging on) goes to $2.
browse() {
  local log=$1; shift
  timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --disable-background-networking --user-data-dir="$WORK/profile" \
    --enable-logging=stderr --v=0 "$@" 2>"$log"
}

failed=0
fail() { echo "browser: $*" >&2; failed=1; }

# The console detector must see what it is meant to see: a script under our
# policy is refused and the refusal is logged.
printf '<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src '"'none'"'"><title>t</title></head><body><script>document.title="ran"</script></body></html>' > "$WORK/canary.html"
browse "$WORK/canary.log" --dump-dom "file://$WORK/canary.html" > "$WORK/canary.dom" || true
grep -q ':CONSOLE.*Content Security Policy' "$WORK/canary.log" || fail "a blocked script left no console message: the check below would prove nothing"
grep -q '<title>t</title>' "$WORK/canary.dom" || fail "the canary's script ran despite the policy"

"$REPORT_FIXTURE" texts > "$WORK/texts"
for name in session trainee scenario team empty one-session; do
  for variant in plain hostile; do
    page="$WORK/$name-$variant.html"
    "$REPORT_FIXTURE" html "$name" $([ $variant = hostile ] && echo hostile) > "$page"
    browse "$WORK/$name-$variant.log" --dump-dom "file://$page" > "$WORK/$name-$variant.dom" \
      || fail "$name ($variant): chromium failed (see $WORK/$name-$variant.log)"
    if grep ':CONSOLE' "$WORK/$name-$variant.log" >&2; then fail "$name ($variant): console messages above"; fi
    texts=(); [ $variant = hostile ] && [ $name = session ] && texts=("$WORK/texts")
    python3 "$here/dom_check.py" "$WORK/$name-$variant.dom" "${texts[@]}" || fail "$name ($variant): DOM check"
  done
done

# Screenshots (artefacts; the docs keep copies).
for name in session trainee team; do
  browse "$WORK/shot-$name.log" --hide-scrollbars --window-size=1100,2600 \
    --screenshot="$ARTEFACTS_DIR/report-$name.png" "file://$WORK/$name-plain.html" >/dev/null \
    || fail "$name: screenshot failed"
  [ -s "$ARTEFACTS_DIR/report-$name.png" ] || fail "$name: no screenshot"
  if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then cp "$ARTEFACTS_DIR/report-$name.png" "$SOURCE_DIR/docs/screenshots/"; fi
done

# Printing: A4 pages, the report's words in the PDF, hostile text as text.
for name in session team-hostile; do
  pdf="$ARTEFACTS_DIR/report-$name.pdf"
  page="$WORK/$name-plain.html"; [ $name = team-hostile ] && page="$WORK/team-hostile.html"
  browse "$WORK/pdf-$name.log" --no-pdf-header-footer --print-to-pdf="$pdf" "file://$page" >/dev/null \
    || fail "$name: printing failed"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$pdf" | awk -F': *' '/^Page size:/ {print $2}')
  echo "browser: $name prints on $pages pages of $size"
  [ "${pages:-0}" -ge 2 ] && [ "$pages" -le 12 ] || fail "$name: $pages pages"
  case "$size" in *"(A4)"*) ;; *) fail "$name: page size $size, expected A4" ;; esac
  pdftotext -layout "$pdf" "$WORK/$name.txt"
  for want in "Crisis Drill report" "Points per competency" "Sessions"; do
    [ $name = session ] && [ "$want" = Sessions ] && want="The press office was never told."
    grep -qF "$want" "$WORK/$name.txt" || fail "$name: \"$want\" is not in the PDF"
  done
  if [ $name = team-hostile ]; then
    grep -qF '<script>alert("x")</script>' "$WORK/$name.txt" || fail "$name: the hostile name is not printed as text"
  fi
done
exit $failed
