# The program starts, lists its API and plays the smallest scenario.
expect_exit 0 -- "$CRISISDRILL" version
expect_in "$WORK/out" "crisisdrill"
# Alone, without any display, it explains itself instead of opening a window.
expect_exit 2 -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$CRISISDRILL"
expect_in "$WORK/err" "start screen"
expect_exit 0 -- "$CRISISDRILL" --help
expect_in "$WORK/out" "usage: crisisdrill"
expect_exit 2 -- "$CRISISDRILL" frobnicate
expect_in "$WORK/err" "unknown command"
expect_exit 0 -- "$CRISISDRILL" api
expect_in "$WORK/out" "await"
# Without a display, playing in the window says how to play instead of hanging on an invisible window.
expect_exit 2 -- env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$CRISISDRILL" play complaint-snowball --db "$WORK/s.db"
expect_in "$WORK/err" "no display"
