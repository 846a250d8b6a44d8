# The window's renderer (engine/ui/renderer_pick.c): on a machine without a GPU, auto draws in
# software without ever loading Mesa or LLVM in the window; what OpenGL is here is probed once in
# a child process and cached; --renderer gpu|software forces a side; a bad value is a usage error.
export CRISISDRILL_VERBOSE=1
cache="$XDG_CACHE_HOME/crisisdrill/renderer"
db="$WORK/renderer.db"

# Bad values name themselves, on every command that opens the window (and before any window).
expect_exit 2 -- "$CRISISDRILL" play complaint-snowball --renderer bogus --db "$db"
expect_in "$WORK/err" "--renderer bogus: expected auto, gpu or software"
expect_exit 2 -- env SDL_VIDEODRIVER=dummy "$CRISISDRILL" replay 1 --renderer GPU --db "$db"
expect_in "$WORK/err" "--renderer GPU: expected auto, gpu or software"
expect_exit 2 -- env SDL_VIDEODRIVER=dummy "$CRISISDRILL" --renderer '' --db "$db"
expect_in "$WORK/err" "--renderer : expected auto, gpu or software"
expect_exit 2 -- "$CRISISDRILL" play complaint-snowball --renderer
expect_in "$WORK/err" "--renderer needs a value"
# (into a file: `help | grep -q` lets grep leave early, and the help, longer
# than stdio's buffer, then dies of SIGPIPE under pipefail)
"$CRISISDRILL" help >"$WORK/help.txt"
grep -qF -- "--renderer auto|gpu|software" "$WORK/help.txt" || fail "the usage does not list --renderer"

# SDL's dummy driver: software at once, no probe, no cache file; gpu there is a clear error.
export CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME=1
expect_exit 0 -- env SDL_VIDEODRIVER=dummy "$CRISISDRILL" play complaint-snowball --db "$db"
expect_in "$WORK/err" "crisisdrill: renderer: software (SDL's video driver 'dummy' draws in memory"
expect_in "$WORK/err" "first frame presented"
[ ! -e "$cache" ] || fail "the dummy driver probed OpenGL (the cache file exists)"
expect_exit 1 -- env SDL_VIDEODRIVER=dummy "$CRISISDRILL" play complaint-snowball --renderer gpu --db "$db"
expect_in "$WORK/err" "--renderer gpu: no GPU renderer here"
expect_exit 0 -- env SDL_VIDEODRIVER=dummy "$CRISISDRILL" play complaint-snowball --renderer software --db "$db"
expect_in "$WORK/err" "renderer: software (asked: --renderer software)"

command -v Xvfb >/dev/null || fail "Xvfb is missing (scripts/install-deps installs it)"
if command -v Xvfb >/dev/null; then
  # One X server for all the starts below: the cache is keyed by DISPLAY, and xvfb-run -a would
  # give each start a display of its own. -displayfd picks a free one and says it when ready.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null' EXIT
  wait_until 30 "Xvfb is ready" -- test -s "$WORK/display"
  export DISPLAY=":$(cat "$WORK/display")"
  unset XAUTHORITY SDL_VIDEODRIVER
  # X11 and the GL driver leak at exit under the asan preset (system libraries, not ours).
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

  # First start: probes, finds llvmpipe, picks software, caches the answer.
  expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "renderer: software (OpenGL here is 'llvmpipe"
  expect_in "$WORK/err" "a software rasteriser; probed in "
  expect_in "$WORK/err" "first frame presented"
  expect_in "$cache" "gl llvmpipe"
  expect_in "$cache" "key video=x11 DISPLAY=$DISPLAY "

  # Second start: the cache answers, no probe.
  expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "a software rasteriser; cached)"
  expect_not_in "$WORK/err" "probed"

  # window_maps NAME ARGS...: starts a window playing (into NAME.db), waits until it shows posts,
  # keeps its /proc maps in NAME.maps and its stderr in NAME.err, and closes it.
  window_maps() {
    local name=$1; shift
    env -u CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME "$CRISISDRILL" play complaint-snowball --speed 10 \
      --db "$WORK/$name.db" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    local pid=$!
    wait_until 60 "the $name window plays" -- sql_is "$WORK/$name.db" "select count(*) > 0 from posts" 1
    cp "/proc/$pid/maps" "$WORK/$name.maps" || fail "no maps for the $name window"
    kill -TERM "$pid"
    wait "$pid" || fail "the $name window exited with $? after SIGTERM"
  }
  # The window on the software path maps no OpenGL library at all; the GPU one does (the check sees them).
  window_maps software-maps
  expect_in "$WORK/software-maps.err" "cached)"
  ! grep -E "libLLVM|libGL|swrast_dri|_dri\.so" "$WORK/software-maps.maps" >"$WORK/gl-libs" ||
    fail "the software window maps OpenGL libraries: $(awk '{print $6}' "$WORK/gl-libs" | sort -u | xargs)"
  window_maps gpu-maps --renderer gpu
  grep -q libLLVM "$WORK/gpu-maps.maps" || fail "the GPU window on llvmpipe should map libLLVM (is the maps check blind?)"

  # --renderer gpu still plays a whole session (on llvmpipe here).
  expect_exit 0 -- env -u CRISISDRILL_UI_EXIT_AFTER_FIRST_FRAME CRISISDRILL_UI_AUTOQUIT=1 \
    "$CRISISDRILL" play complaint-snowball --renderer gpu --speed 600 --db "$WORK/gpu.db"
  expect_in "$WORK/err" "renderer: gpu (asked: --renderer gpu; SDL's opengl renderer)"
  expect_in "$WORK/out" "Session 1 completed"

  # Another Mesa setting is another key: probed again, and the new answer replaces the old.
  expect_exit 0 -- env LIBGL_ALWAYS_SOFTWARE=1 "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "probed in "
  expect_in "$cache" "LIBGL_ALWAYS_SOFTWARE=1 "

  # A damaged cache file is probed over; the replay window reads the cache too.
  printf 'crisisdrill renderer cache 1\nkey garbage\n' >"$cache"
  expect_exit 0 -- "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "probed in "
  expect_exit 0 -- env CRISISDRILL_UI_AUTOQUIT=1 "$CRISISDRILL" replay 1 --db "$db" --speed 64
  expect_in "$WORK/err" "a software rasteriser; cached)"

  # A cache that cannot be written is no error: the window probes and plays.
  : >"$WORK/not-a-folder"
  expect_exit 0 -- env XDG_CACHE_HOME="$WORK/not-a-folder" "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "a software rasteriser; probed in "
  expect_not_in "$WORK/err" "cached"

  # A probe that does not answer in time is killed, and the window draws in software (not cached).
  rm -f "$cache"
  expect_exit 0 -- env CRISISDRILL_RENDERER_PROBE_TIMEOUT_MS=1 "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "renderer: software (the OpenGL probe gave no answer in 1 ms: killed)"
  expect_in "$WORK/err" "first frame presented"
  [ ! -e "$cache" ] || fail "a probe that timed out was cached"
  [ -z "$(ls "$XDG_CACHE_HOME/crisisdrill" | grep -v '^renderer$')" ] || fail "temporary files left in the cache folder"

  # An X server without GLX: no OpenGL at all; software, and that answer is cached too.
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -extension GLX 3>"$WORK/display-noglx" 2>>"$WORK/xvfb.log" &
  noglx=$!
  trap 'kill "$xvfb" "$noglx" 2>/dev/null' EXIT
  wait_until 30 "Xvfb without GLX is ready" -- test -s "$WORK/display-noglx"
  expect_exit 0 -- env DISPLAY=":$(cat "$WORK/display-noglx")" "$CRISISDRILL" play complaint-snowball --db "$db"
  expect_in "$WORK/err" "renderer: software (no OpenGL here: no OpenGL window: GLX is not supported; probed in "
  expect_in "$cache" "none no OpenGL window"

  kill "$xvfb" "$noglx"
  wait "$xvfb" "$noglx" 2>/dev/null || true
  trap - EXIT
fi
