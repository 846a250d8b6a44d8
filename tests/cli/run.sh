#!/usr/bin/env bash
# Runs one CLI test script with a fresh WORK folder and the helpers of
# tests/cli/lib.sh. Not itself a test (run.sh and lib.sh are skipped).
set -euo pipefail
script=$1
name=$(basename "$script" .sh)
export WORK="$WORK_ROOT/$name"
rm -rf "$WORK" && mkdir -p "$WORK"
export SOURCE_DATE_EPOCH=1700000000
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
source "$script"
finish
