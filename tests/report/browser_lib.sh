# Headless chromium for the HTML report's tests (sourced by
# tests/report/browser.sh and tests/cli/report_html.sh). Needs $WORK.

# browse LOG ARGS...: one bounded headless run with a throwaway profile; the
# browser's log, console messages included, goes to LOG.
browse() {
  local log=$1; shift
  timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --disable-background-networking --user-data-dir="$WORK/chromium-profile" \
    --enable-logging=stderr --v=0 "$@" 2>"$log"
}

# page_ok PAGE [TEXTS]: the page loads without a console message (a script
# or load refused by the policy is one), and its DOM holds nothing active
# (and shows each of the NUL-separated TEXTS as text). Prints why not.
page_ok() {
  local page=$1 texts=${2:-} base=${1%.html}
  browse "$base.log" --dump-dom "file://$page" >"$base.dom" || { echo "chromium failed on $page" >&2; return 1; }
  if grep ':CONSOLE' "$base.log" >&2; then echo "console messages above, from $page" >&2; return 1; fi
  python3 "$SOURCE_DIR/tests/report/dom_check.py" "$base.dom" ${texts:+"$texts"}
}

# screenshot PAGE PNG: the page 1100 pixels wide.
screenshot() {
  browse "$WORK/$(basename "${2%.png}").log" --hide-scrollbars --window-size=1100,2600 --screenshot="$2" "file://$1" >/dev/null && [ -s "$2" ]
}
