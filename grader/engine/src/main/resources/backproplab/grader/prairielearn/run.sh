#!/usr/bin/env bash
# PrairieLearn external-grader entrypoint. It grades $ROOT/student with the Backprop Lab grader next to
# this script and writes $ROOT/results/results.json, also when the grader itself fails (then with
# "succeeded": false and the reason). ROOT is /grade unless GRADE_ROOT says otherwise (tests run this in a
# temporary folder laid out like /grade).
ROOT="${GRADE_ROOT:-/grade}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# The grader runs the student's code in a bubblewrap sandbox where it can (each report's "Isolation" note says
# whether it did). The stock image has no bubblewrap: install it, if this container may reach its package
# mirrors, within 20 s (BACKPROPLAB_INSTALL_BWRAP=0 skips this; an image with bubblewrap in it skips it too).
if [ "${BACKPROPLAB_INSTALL_BWRAP:-1}" != 0 ] && ! command -v bwrap >/dev/null 2>&1 \
    && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  timeout 20 sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends bubblewrap' \
    >/dev/null 2>&1 || true
fi
# The hidden inputs are drawn from the id PrairieLearn's data file gives (/grade/data/data.json).
exec bash "$HERE/backproplab-grade.sh" prairielearn "$ROOT/student" "$ROOT/results/results.json" "$HERE" \
  "$ROOT/data/data.json"
