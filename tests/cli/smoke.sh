# The program starts, lists its API and plays the smallest scenario.
expect_exit 0 -- "$CRISISDRILL" version
expect_in "$WORK/out" "crisisdrill"
expect_exit 2 -- "$CRISISDRILL"
expect_exit 2 -- "$CRISISDRILL" frobnicate
expect_in "$WORK/err" "unknown command"
expect_exit 0 -- "$CRISISDRILL" api
expect_in "$WORK/out" "await"
