#!/usr/bin/env bash
# The HTML report in a real browser (Debian's chromium, headless): every
# fixture of tests/report/fixtures.c, plain and hostile, loads without a
# console message (a blocked script or load is a CSP violation, logged to
# the console), its DOM holds nothing active and shows every hostile text as
# text; screenshots are kept under artefacts/; printing to PDF gives A4
# pages with the report's text.
set -euo pipefail
: "${REPORT_FIXTURE:?}" "${SOURCE_DIR:?}" "${WORK:?}" "${ARTEFACTS_DIR:?}"
here="$SOURCE_DIR/tests/report"
rm -rf "$WORK" && mkdir -p "$WORK" "$ARTEFACTS_DIR"
export SOURCE_DATE_EPOCH=1700000000
command -v chromium >/dev/null || { echo "browser: chromium is missing (scripts/install-deps)" >&2; exit 1; }

# shellcheck source=tests/report/browser_lib.sh
source "$here/browser_lib.sh"

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
    texts=; [ $variant = hostile ] && [ $name = session ] && texts="$WORK/texts"
    page_ok "$page" $texts || fail "$name ($variant)"
  done
done

# Screenshots, kept as artefacts (those of the docs come from real sessions:
# tests/cli/report_html.sh).
for name in session trainee team; do
  screenshot "$WORK/$name-plain.html" "$ARTEFACTS_DIR/fixture-$name.png" || fail "$name: no screenshot"
done

# Printing: A4 pages, the report's words in the PDF, hostile text as text.
for name in session team-hostile; do
  pdf="$ARTEFACTS_DIR/fixture-$name.pdf"
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
