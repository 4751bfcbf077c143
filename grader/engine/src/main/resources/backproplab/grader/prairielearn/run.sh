#!/usr/bin/env bash
# PrairieLearn external-grader entrypoint. It grades $ROOT/student with the Backprop Lab grader next to
# this script and writes $ROOT/results/results.json, also when the grader itself fails (then with
# "succeeded": false and the reason). ROOT is /grade unless GRADE_ROOT says otherwise (tests run this in a
# temporary folder laid out like /grade).
ROOT="${GRADE_ROOT:-/grade}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec bash "$HERE/backproplab-grade.sh" prairielearn "$ROOT/student" "$ROOT/results/results.json" "$HERE"
